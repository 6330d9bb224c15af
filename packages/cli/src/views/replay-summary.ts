import { inLogRange, type RecordedEvent } from "@handover/core";
import { applyToReadiness, createHistory, createReadinessState, readinessOf, WIRED, wiringNamed, type Aggregates, type History, type ProcessName, type Readiness, type ReadinessOptions, type Tracked } from "@handover/projections";
import type { SlaPolicy } from "@handover/itil";
import { viewRange, type LogView } from "./view.js";

/** How many aggregates of one process there are, in total and by state. */
export interface ProcessCount {
  readonly total: number;
  readonly byState: Readonly<Record<string, number>>;
}

/** The project of a summary: who and where it is. */
export interface ProjectStanding {
  readonly projectId: string;
  readonly name: string;
  readonly manager: string;
  readonly phase: string;
  readonly status: string;
}

/** An incident still open: what it is about, how urgent, who has it, and what it is linked to. */
export interface OpenIncident {
  readonly incidentId: string;
  readonly title: string | null;
  readonly priority: number;
  readonly status: string;
  readonly assignedTo: string | null;
  readonly loggedAt: string | null;
  readonly ciIds: readonly string[];
  readonly problemIds: readonly string[];
}

/** Open incidents, as incident management's descriptor groups them. */
const OPEN_INCIDENT: ReadonlySet<string> = new Set(wiringNamed("incident")?.descriptor.groups.open ?? []);

/** What `replay` prints: the project, counts per process and state, the baselines, and the readiness verdict. */
export interface ReplaySummary {
  readonly position: number;
  /** Events in the view (the whole log when no view is asked). */
  readonly events: number;
  readonly project: ProjectStanding | null;
  /** Every process of the one list but the project itself, in the list's order. */
  readonly processes: Readonly<Partial<Record<ProcessName, ProcessCount>>>;
  readonly baselines: readonly { readonly name: string; readonly kind: string; readonly position: number; readonly cis: number }[];
  readonly readiness: Readiness | null;
  /** Incidents open at the end of the view, most urgent first. */
  readonly openIncidents: readonly OpenIncident[];
  /** The latest business time among the events in the view (null for none). */
  readonly lastAt: string | null;
  /** The SLA policy in force for the project (the organisation's with the project's overrides). */
  readonly sla: SlaPolicy;
}

function countStates(states: Iterable<{ readonly status: string }>): ProcessCount {
  const byState: Record<string, number> = {};
  let total = 0;
  for (const { status } of states) {
    if (status === "none") continue;
    total += 1;
    byState[status] = (byState[status] ?? 0) + 1;
  }
  return { total, byState: Object.fromEntries(Object.entries(byState).sort(([a], [b]) => (a < b ? -1 : 1))) };
}

const statesOf = <State>(map: ReadonlyMap<string, Tracked<State>>): State[] => [...map.values()].map((tracked) => tracked.state);

/** Counts per state of every process in the one list but the project (a CI's states are the CMDB's records). */
function countsPerProcess(history: History): Partial<Record<ProcessName, ProcessCount>> {
  const counts: Partial<Record<ProcessName, ProcessCount>> = {};
  for (const { descriptor, inCmdb } of WIRED) {
    const name = descriptor.name as ProcessName;
    if (name === "project") continue;
    const states = inCmdb === true ? [...history.cmdb.cis.values()] : statesOf(history.aggregates.of(name) as ReadonlyMap<string, Tracked<{ readonly status: string }>>);
    counts[name] = countStates(states);
  }
  return counts;
}

/** The incidents open now, most urgent first, each with the problems linked from either side. */
function openIncidentsOf(aggregates: Aggregates): OpenIncident[] {
  const problemsOf = new Map<string, Set<string>>();
  for (const problem of statesOf(aggregates.of("problem"))) {
    for (const incidentId of problem.incidentIds) (problemsOf.get(incidentId) ?? problemsOf.set(incidentId, new Set()).get(incidentId))?.add(problem.problemId);
  }
  return statesOf(aggregates.of("incident"))
    .filter((incident) => OPEN_INCIDENT.has(incident.status))
    .map((incident) => ({
      incidentId: incident.incidentId,
      title: incident.title,
      priority: incident.priority,
      status: incident.status,
      assignedTo: incident.assignee ?? incident.group,
      loggedAt: incident.loggedAt,
      ciIds: incident.ciIds,
      problemIds: [...new Set([...incident.problemIds, ...(problemsOf.get(incident.incidentId) ?? [])])],
    }))
    .sort((a, b) => a.priority - b.priority || (a.incidentId < b.incidentId ? -1 : 1));
}

/**
 * Replays a log in one pass into the projections' readiness state (which holds the whole
 * history: CMDB and every aggregate), then reads the summary: the project asked for (or
 * the first one started), counts per process and state, the baselines taken, and
 * readiness with the given criteria and policy.
 */
export async function replaySummary(events: AsyncIterable<RecordedEvent>, view: LogView, options: ReadinessOptions & { readonly projectId?: string }): Promise<ReplaySummary> {
  const range = viewRange(view);
  const history = createHistory(options.policy, options.projectId);
  const state = createReadinessState(history);
  let count = 0;
  let lastAt: string | null = null;
  for await (const event of events) {
    if (!inLogRange(event, range)) continue;
    applyToReadiness(state, event);
    count += 1;
    if (lastAt === null || event.meta.occurredAt > lastAt) lastAt = event.meta.occurredAt;
  }
  const project = history.project()?.state;
  const { aggregates, cmdb } = history;
  const started = project !== undefined && project.status !== "none";
  return {
    position: cmdb.position,
    events: count,
    project: started ? { projectId: project.projectId, name: project.name, manager: project.manager, phase: project.phase, status: project.status } : null,
    processes: countsPerProcess(history),
    baselines: cmdb.baselines.map((taken) => ({ name: taken.name, kind: taken.kind, position: taken.position, cis: taken.cis.length })),
    readiness: started ? readinessOf(state, project.projectId, options.criteria, view) : null,
    openIncidents: openIncidentsOf(aggregates),
    lastAt,
    sla: history.policy().sla,
  };
}
