import type { Projection } from "@handover/core";
import { defaultPolicy, type HandoverPolicy } from "@handover/itil";
import { cmdbOf } from "../cmdb/result.js";
import type { Cmdb } from "../cmdb/types.js";
import { createHistory } from "../history/history.js";
import { projectLog, type Answer, type Log } from "../log.js";
import { logRangeOf, standingOf, type ReadOptions } from "../read-options.js";
import { resolveCriteria, type ReadinessCriteria } from "../readiness/criteria.js";
import { readinessOf, type Readiness } from "../readiness/evaluate.js";
import { applyToReadiness, createReadinessState, type ReadinessState } from "../readiness/state.js";

/** The CMDB and the project's transition readiness, from one pass over the log. */
export interface HandoverView {
  readonly cmdb: Cmdb;
  readonly readiness: Readiness;
}

/** Options of the handover view: the readiness criteria and the organisation's policy. */
export interface HandoverViewOptions extends ReadOptions {
  readonly criteria?: ReadinessCriteria;
  readonly policy?: HandoverPolicy;
}

/**
 * The engine's inline read model as a core `Projection`: one mutable state (the CMDB, every
 * aggregate, the readiness offenders) that `apply` changes in place, cheaply, after each
 * append; `result` freezes the CMDB records changed since the last result and evaluates
 * readiness. Between results, read the state directly: `cmdbCiOf(state.history.cmdb, id)`,
 * `readinessOf(state, projectId)`, `state.history.aggregates`.
 */
export function handoverProjection(projectId: string, options: Omit<HandoverViewOptions, keyof ReadOptions> = {}): Projection<ReadinessState, HandoverView> {
  const criteria = resolveCriteria(options.criteria);
  return {
    name: `handover:${projectId}`,
    init: () => createReadinessState(createHistory(options.policy ?? defaultPolicy, projectId)),
    apply: applyToReadiness,
    result: (state) => ({ cmdb: cmdbOf(state.history.cmdb), readiness: readinessOf(state, projectId, criteria) }),
  };
}

/**
 * The CMDB and transition readiness of a project from one pass over a log, as of any point.
 * Its replay state is its own, so its history keeps of finished work items only what
 * readiness reads (`readiness` retention): memory follows the open work, not the log.
 */
export function handoverView<L extends Log>(log: L, projectId: string, options: HandoverViewOptions = {}): Answer<L, HandoverView> {
  const range = logRangeOf(options);
  const standing = standingOf(range);
  const criteria = resolveCriteria(options.criteria);
  return projectLog(
    log,
    {
      name: `handover:${projectId}`,
      init: () => createReadinessState(createHistory(options.policy ?? defaultPolicy, projectId, "readiness")),
      apply: applyToReadiness,
      result: (state) => ({ cmdb: cmdbOf(state.history.cmdb, standing), readiness: readinessOf(state, projectId, criteria, standing) }),
    },
    range,
  );
}
