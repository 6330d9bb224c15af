import { inLogRange, type RecordedEvent } from "@handover/core";
import { applyToReadiness, createHistory, createReadinessState, readinessOf, type Readiness, type ReadinessOptions, type Tracked } from "@handover/projections";
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

/** What `replay` prints: the project, counts per process and state, the baselines, and the readiness verdict. */
export interface ReplaySummary {
  readonly position: number;
  /** Events in the view (the whole log when no view is asked). */
  readonly events: number;
  readonly project: ProjectStanding | null;
  readonly processes: Readonly<Record<"configuration" | "change" | "incident" | "problem" | "release", ProcessCount>>;
  readonly baselines: readonly { readonly name: string; readonly kind: string; readonly position: number; readonly cis: number }[];
  readonly readiness: Readiness | null;
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
  for await (const event of events) {
    if (!inLogRange(event, range)) continue;
    applyToReadiness(state, event);
    count += 1;
  }
  const project = history.project()?.state;
  const { aggregates, cmdb } = history;
  const started = project !== undefined && project.status !== "none";
  return {
    position: cmdb.position,
    events: count,
    project: started ? { projectId: project.projectId, name: project.name, manager: project.manager, phase: project.phase, status: project.status } : null,
    processes: {
      configuration: countStates(cmdb.cis.values()),
      change: countStates(statesOf(aggregates.changes)),
      incident: countStates(statesOf(aggregates.incidents)),
      problem: countStates(statesOf(aggregates.problems)),
      release: countStates(statesOf(aggregates.releases)),
    },
    baselines: cmdb.baselines.map((taken) => ({ name: taken.name, kind: taken.kind, position: taken.position, cis: taken.cis.length })),
    readiness: started ? readinessOf(state, project.projectId, options.criteria, view) : null,
  };
}
