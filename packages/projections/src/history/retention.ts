import { changeProcess, type ChangeState } from "@handover/change";
import { incidentProcess, type IncidentState } from "@handover/incident";
import { problemProcess, type ProblemState } from "@handover/problem";
import { isInProduction, releaseProcess, type ReleaseState } from "@handover/release";

/**
 * What the history keeps of a work item once it is finished (closed or cancelled):
 * `everything` (its whole state, for the audit, reports and summaries), or `readiness`
 * (only what the readiness checks read, and what later events, such as imported history
 * past a final state, could still build on for those checks; for a view that hands out
 * readiness and the CMDB, never the aggregates).
 */
export type Retention = "everything" | "readiness";

/** How a process's finished items are trimmed: when an item counts as finished, and the fields kept of it. */
export interface Trimming<State> {
  finished(state: State): boolean;
  kept(state: State): Partial<State>;
}

/**
 * An incident: readiness reads its status and priority (open at a blocking priority, open
 * without a known error) and its SLA verdict once resolved (sla_performance: the times, the
 * clock stops and an import's source verdict). Its status moves by its status and the event
 * alone, its priority is set by events, so nothing else is needed to follow a later event.
 */
export const incidentTrimming: Trimming<IncidentState> = {
  finished: (state) => incidentProcess.groups.finished.includes(state.status),
  kept: ({ incidentId, status, priority, loggedAt, ownedAt, resolvedAt, closedAt, clockStops, source }) => ({ incidentId, status, priority, loggedAt, ownedAt, resolvedAt, closedAt, clockStops, source }),
};

/** A problem: readiness reads whether it has a known error (its incidents' workaround); its status moves by its status and the event. */
export const problemTrimming: Trimming<ProblemState> = {
  finished: (state) => problemProcess.groups.finished.includes(state.status),
  kept: ({ problemId, status, knownError }) => ({ problemId, status, knownError }),
};

/**
 * A change: readiness reads its status and whether it awaits its retrospective review (type,
 * authorisation, review); events set each of them outright. A release deployed later reads
 * its window (schedule, or an emergency's authorisation to implementation), so it is kept.
 */
export const changeTrimming: Trimming<ChangeState> = {
  finished: (state) => changeProcess.groups.finished.includes(state.status),
  kept: ({ changeId, status, changeType, authorisation, retrospectiveReview, schedule, implementation }) => ({ changeId, status, changeType, authorisation, retrospectiveReview, schedule, implementation }),
};

/**
 * A release, once in production (what is left of its life is mostly a back-out plan and
 * closing), rolled back or closed (a closed one stays in production): readiness reads its
 * version, back-out plan, rollback, whether it was deployed to production, and its latest
 * build and test iteration.
 * Later builds and iterations are appended, and an iteration's result is set on the first
 * iteration of its number, so the last build and the iterations numbered as the last one are
 * enough; one production deployment is enough to say it went there.
 */
export const releaseTrimming: Trimming<ReleaseState> = {
  finished: (state) => releaseProcess.groups.finished.includes(state.status) || isInProduction(state),
  kept: ({ releaseId, status, version, backOutPlan, rollback, builds, iterations, deployments }) => {
    const last = iterations.at(-1)?.number;
    return {
      releaseId,
      status,
      version,
      backOutPlan,
      rollback,
      builds: builds.slice(-1),
      iterations: iterations.filter((iteration) => iteration.number === last),
      deployments: deployments.filter((deployment) => deployment.environment === "production").slice(0, 1),
    };
  },
};
