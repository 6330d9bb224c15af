import type { Projection, RecordedEvent, SpillStore } from "@handover/core";
import { defaultPolicy, type HandoverPolicy } from "@handover/itil";
import { cmdbOf } from "../cmdb/result.js";
import type { Cmdb } from "../cmdb/types.js";
import { spillOptionOf } from "../history/aggregates.js";
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

/** Options of the handover view: the readiness criteria, the organisation's policy, and where to spill finished work items. */
export interface HandoverViewOptions extends ReadOptions {
  readonly criteria?: ReadinessCriteria;
  readonly policy?: HandoverPolicy;
  /**
   * Where finished work items go instead of memory (as `auditReplay`'s `spill`, e.g.
   * store-sqlite's `openSqliteSpillStore()`): what readiness keeps of them is written out
   * with them and read back when a later event names them, so memory follows the open work,
   * not the log. The answer is the same.
   */
  readonly spill?: SpillStore;
  /** With `spill`: how many of the most recently finished items of each process stay in memory (default 1,000); a whole number from 0, anything else is a RangeError. */
  readonly spillKeepsRecent?: number;
}

/**
 * The engine's inline read model as a core `Projection`: one mutable state (the CMDB, every
 * aggregate, the readiness offenders) that `apply` changes in place, cheaply, after each
 * append; `result` freezes the CMDB records changed since the last result and evaluates
 * readiness. Between results, read the state directly: `cmdbCiOf(state.history.cmdb, id)`,
 * `readinessOf(state, projectId)`, `state.history.aggregates`.
 */
export function handoverProjection(projectId: string, options: Pick<HandoverViewOptions, "criteria" | "policy"> = {}): Projection<ReadinessState, HandoverView> {
  const criteria = resolveCriteria(options.criteria);
  return {
    name: `handover:${projectId}`,
    init: () => createReadinessState(createHistory(options.policy ?? defaultPolicy, projectId)),
    apply: applyToReadiness,
    result: (state) => ({ cmdb: cmdbOf(state.history.cmdb), readiness: readinessOf(state, projectId, criteria) }),
  };
}

/** Applies an event, then spills the finished items beyond the most recently finished. */
function applyAndSpill(state: ReadinessState, event: RecordedEvent): void {
  applyToReadiness(state, event);
  state.history.aggregates.spillFinished();
}

/**
 * The CMDB and transition readiness of a project from one pass over a log, as of any point.
 * Its replay state is its own, so its history keeps of finished work items only what
 * readiness reads (`readiness` retention), and with `spill` not even that in memory.
 */
export function handoverView<L extends Log>(log: L, projectId: string, options: HandoverViewOptions = {}): Answer<L, HandoverView> {
  const range = logRangeOf(options);
  const standing = standingOf(range);
  const criteria = resolveCriteria(options.criteria);
  return projectLog(
    log,
    {
      name: `handover:${projectId}`,
      init: () => createReadinessState(createHistory(options.policy ?? defaultPolicy, projectId, { retention: "readiness", ...spillOptionOf(options) })),
      apply: options.spill === undefined ? applyToReadiness : applyAndSpill,
      result: (state) => ({ cmdb: cmdbOf(state.history.cmdb, standing), readiness: readinessOf(state, projectId, criteria, standing) }),
    },
    range,
  );
}
