import type { Projection } from "@handover/core";
import { defaultPolicy, type HandoverPolicy } from "@handover/itil";
import { createHistory } from "../history/history.js";
import { projectLog, type Answer, type Log } from "../log.js";
import { logRangeOf, standingOf, type ReadOptions } from "../read-options.js";
import { resolveCriteria, type ReadinessCriteria } from "./criteria.js";
import { readinessOf, type Readiness, type ReadinessStanding } from "./evaluate.js";
import { applyToReadiness, createReadinessState, type ReadinessState } from "./state.js";

/** Options of `transitionReadiness`: where in the log, and the criteria. */
export interface ReadinessOptions extends ReadOptions {
  readonly criteria?: ReadinessCriteria;
  /** The organisation's policy the project's overrides apply to (default: docs/policy.md's). */
  readonly policy?: HandoverPolicy;
}

/** The readiness state of a whole log as a core `Projection`: `apply` is cheap (an inline read model), `result` evaluates the checks. */
export function readinessProjection(projectId: string, criteria?: ReadinessCriteria, standing: ReadinessStanding = {}, policy: HandoverPolicy = defaultPolicy): Projection<ReadinessState, Readiness> {
  const resolved = resolveCriteria(criteria);
  return {
    name: `readiness:${projectId}`,
    init: () => createReadinessState(createHistory(policy, projectId)),
    apply: applyToReadiness,
    result: (state) => readinessOf(state, projectId, resolved, standing),
  };
}

/**
 * Transition readiness of a project as of a time, a recorded time or a position: the checks of docs/policy.md
 * checks (or the criteria's), each pass, fail or warn with a sentence and its evidence;
 * ready when no check fails. The same log gives the same answer however it is read.
 */
export function transitionReadiness<L extends Log>(log: L, projectId: string, options: ReadinessOptions = {}): Answer<L, Readiness> {
  const range = logRangeOf(options);
  const standing = standingOf(range);
  return projectLog(log, readinessProjection(projectId, options.criteria, standing, options.policy), range);
}
