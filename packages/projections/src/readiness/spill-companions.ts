import type { Companion } from "../history/aggregates.js";
import type { ReadinessState, ResolvedSla } from "./state.js";

/** What readiness keeps of one incident besides its state: its SLA verdict once resolved, and the problems linked to it. */
interface IncidentEntries {
  readonly sla?: ResolvedSla;
  readonly problems?: readonly string[];
}

/** Adds links kept with a spilled item to those made while it was spilled, the older first, as they were made. */
function restoreLinks(index: Map<string, Set<string>>, id: string, spilled: readonly string[]): void {
  const since = index.get(id);
  index.set(id, since === undefined ? new Set(spilled) : new Set([...spilled, ...since]));
}

/** An incident's verdict and links leave memory with the incident (the tallies still count it) and come back with it. */
function incidentCompanion(state: ReadinessState): Companion {
  return {
    take(incidentId) {
      const sla = state.resolvedSla.get(incidentId);
      const problems = state.problemsOfIncident.get(incidentId);
      if (sla === undefined && problems === undefined) return undefined;
      state.resolvedSla.delete(incidentId);
      state.problemsOfIncident.delete(incidentId);
      const entries: IncidentEntries = { ...(sla === undefined ? {} : { sla }), ...(problems === undefined ? {} : { problems: [...problems] }) };
      return entries;
    },
    give(incidentId, taken) {
      const { sla, problems } = taken as IncidentEntries;
      if (sla !== undefined) state.resolvedSla.set(incidentId, sla);
      if (problems !== undefined) restoreLinks(state.problemsOfIncident, incidentId, problems);
    },
  };
}

/** A problem's links to incidents leave memory with the problem and come back with it. */
function problemCompanion(state: ReadinessState): Companion {
  return {
    take(problemId) {
      const incidents = state.incidentsOfProblem.get(problemId);
      if (incidents === undefined) return undefined;
      state.incidentsOfProblem.delete(problemId);
      return [...incidents];
    },
    give: (problemId, taken) => restoreLinks(state.incidentsOfProblem, problemId, taken as readonly string[]),
  };
}

/**
 * In a replay that spills finished work items, what readiness keeps of each one (an
 * incident's SLA verdict and links, a problem's links) is spilled and read back with it, so
 * readiness's memory, too, follows the open work rather than the log; every reader of these
 * entries reads the item first (which reads them back). Without a spill, nothing changes.
 */
export function accompanySpilledItems(state: ReadinessState): void {
  state.history.aggregates.accompany("incident", incidentCompanion(state));
  state.history.aggregates.accompany("problem", problemCompanion(state));
}
