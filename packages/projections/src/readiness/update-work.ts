import { changeProcess, retrospectiveOutstanding } from "@handover/change";
import { incidentProcess, slaVerdict, type IncidentState } from "@handover/incident";
import type { RecordedEvent } from "@handover/core";
import type { ProjectEventOf } from "@handover/project";
import { isInProduction } from "@handover/release";
import type { ReadinessState, ResolvedSla } from "./state.js";

/** Open incidents, as incident management's descriptor groups them. */
const OPEN_INCIDENT: ReadonlySet<string> = new Set(incidentProcess.groups.open);
/** Incidents whose resolution is done: their SLA verdict is final (until a reopening). */
const RESOLVED_INCIDENT: ReadonlySet<string> = new Set(["resolved", "closed"]);
/** Finished changes, as change management's descriptor groups them. */
const FINISHED_CHANGE: ReadonlySet<string> = new Set(changeProcess.groups.finished);

function link(index: Map<string, Set<string>>, from: string, to: string): void {
  let linked = index.get(from);
  if (linked === undefined) index.set(from, (linked = new Set()));
  linked.add(to);
}

function hasKnownError(state: ReadinessState, incidentId: string): boolean {
  for (const problemId of state.problemsOfIncident.get(incidentId) ?? []) {
    if (state.history.aggregates.of("problem").get(problemId)?.state.knownError != null) return true;
  }
  return false;
}

/** Counts a resolved incident's verdict in (`by` 1) or out (`by` -1) of the tallies, overall and by priority, and keeps or drops its position among the breaches. */
function countSla(state: ReadinessState, verdict: ResolvedSla, by: 1 | -1): void {
  let ofPriority = state.slaByPriority.get(verdict.priority);
  if (ofPriority === undefined) state.slaByPriority.set(verdict.priority, (ofPriority = { resolved: 0, breached: 0 }));
  state.slaTally.resolved += by;
  ofPriority.resolved += by;
  if (verdict.madeSla) return;
  state.slaTally.breached += by;
  ofPriority.breached += by;
  if (by === 1) state.slaBreaches.add(verdict.position);
  else state.slaBreaches.delete(verdict.position);
}

/**
 * Keeps a resolved incident's SLA verdict (the register's, under the policy in force),
 * judged once when it becomes resolved or closed: the clock stopped then, so later events
 * (closing, links) leave it; a reopening drops it until the next resolution.
 */
function tallySla(state: ReadinessState, incidentId: string, incident: IncidentState | undefined, position: number): void {
  const resolved = incident !== undefined && RESOLVED_INCIDENT.has(incident.status);
  const before = state.resolvedSla.get(incidentId);
  if (resolved && before !== undefined) return;
  if (before !== undefined) {
    countSla(state, before, -1);
    state.resolvedSla.delete(incidentId);
  }
  if (!resolved) return;
  const { priority, madeSla } = slaVerdict(incident, state.history.policy().sla, incident.resolvedAt ?? incident.closedAt ?? "");
  const verdict: ResolvedSla = { priority, madeSla, position };
  state.resolvedSla.set(incidentId, verdict);
  countSla(state, verdict, 1);
}

/** Re-judges an incident: open by priority, open without a known error, and resolved within its SLA or not. */
function judgeIncident(state: ReadinessState, incidentId: string): void {
  const tracked = state.history.aggregates.of("incident").get(incidentId);
  tallySla(state, incidentId, tracked?.state, tracked?.lastPosition ?? 0);
  const open = tracked !== undefined && OPEN_INCIDENT.has(tracked.state.status);
  const previous = state.priorityOfOpen.get(incidentId);
  const priority = open ? tracked.state.priority : undefined;
  if (previous !== undefined && previous !== priority) {
    state.openByPriority.get(previous)?.delete(incidentId);
    state.priorityOfOpen.delete(incidentId);
  }
  if (!open || priority === undefined) {
    state.withoutWorkaround.delete(incidentId);
    return;
  }
  if (previous !== priority) {
    let bucket = state.openByPriority.get(priority);
    if (bucket === undefined) state.openByPriority.set(priority, (bucket = new Map()));
    bucket.set(incidentId, tracked.lastPosition);
    state.priorityOfOpen.set(incidentId, priority);
  }
  if (hasKnownError(state, incidentId)) state.withoutWorkaround.delete(incidentId);
  else if (!state.withoutWorkaround.has(incidentId)) state.withoutWorkaround.set(incidentId, tracked.lastPosition);
}

/** After an incident event: its links to problems, and its own entries. */
export function updateIncident(state: ReadinessState, incidentId: string, event: RecordedEvent): void {
  if (event.type === "incident.problem_linked") {
    const problemId = String((event.data as { problemId: string }).problemId);
    link(state.problemsOfIncident, incidentId, problemId);
    link(state.incidentsOfProblem, problemId, incidentId);
  }
  judgeIncident(state, incidentId);
}

/**
 * After a problem event: its links to incidents, and the open incidents whose workaround it
 * may give. Only an open incident's entries can change here: a problem's event moves nothing
 * of an incident but whether it has a known error, which only the open ones are judged by
 * (every other entry of an incident was judged at its own latest event), so the closed ones
 * linked to a long-lived problem are not read again (nor back from a spill).
 */
export function updateProblem(state: ReadinessState, problemId: string, event: RecordedEvent): void {
  if (event.type === "problem.incident_linked") {
    const incidentId = String((event.data as { incidentId: string }).incidentId);
    link(state.problemsOfIncident, incidentId, problemId);
    link(state.incidentsOfProblem, problemId, incidentId);
  }
  for (const incidentId of state.incidentsOfProblem.get(problemId) ?? []) {
    if (state.priorityOfOpen.has(incidentId)) judgeIncident(state, incidentId);
  }
}

/** After a change event: open or finished, and an emergency waiting for its retrospective review or for the answer to its rejection there (change management's `retrospectiveOutstanding`). */
export function updateChange(state: ReadinessState, changeId: string): void {
  const tracked = state.history.aggregates.of("change").get(changeId);
  if (tracked === undefined) return;
  const { status } = tracked.state;
  if (FINISHED_CHANGE.has(status)) state.openChanges.delete(changeId);
  else state.openChanges.set(changeId, tracked.lastPosition);
  const outstanding = retrospectiveOutstanding(tracked.state);
  if (outstanding === "review") state.unreviewedEmergencies.set(changeId, tracked.lastPosition);
  else state.unreviewedEmergencies.delete(changeId);
  if (outstanding !== "answer") state.unansweredRejections.delete(changeId);
  else if (!state.unansweredRejections.has(changeId)) state.unansweredRejections.set(changeId, tracked.lastPosition);
}

/** After a release event: in production now or not (release management's `isInProduction`), kept with the position where it went there. */
export function updateRelease(state: ReadinessState, releaseId: string): void {
  const tracked = state.history.aggregates.of("release").get(releaseId);
  if (tracked === undefined || !isInProduction(tracked.state)) state.inProduction.delete(releaseId);
  else state.inProduction.add(releaseId, tracked.lastPosition);
}

/** After service levels were agreed: where, for each service (any other event: nothing). */
export function recordAgreement(state: ReadinessState, event: RecordedEvent): void {
  if (event.type !== "project.service_levels_agreed") return;
  const { data } = event as RecordedEvent<ProjectEventOf<"project.service_levels_agreed">>;
  let agreed = state.agreements.get(data.projectId);
  if (agreed === undefined) state.agreements.set(data.projectId, (agreed = new Map()));
  for (const level of data.serviceLevels) agreed.set(level.service, event.position);
}
