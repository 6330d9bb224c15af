import type { RecordedEvent } from "@handover/core";
import { defaultPolicy } from "@handover/itil";
import { deepFreeze } from "../freeze.js";
import { createHistory } from "../history/history.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf } from "../read-options.js";
import { resolveCriteria, type CheckStatus, type ReadinessCheckName } from "./criteria.js";
import { readinessOf, readinessVerdicts, type Readiness } from "./evaluate.js";
import { applyToReadiness, createReadinessState } from "./state.js";
import type { ReadinessOptions } from "./transition-readiness.js";

/** A check whose status changed at a point of the timeline. */
export interface CheckFlip {
  readonly check: ReadinessCheckName;
  readonly from: CheckStatus | null;
  readonly to: CheckStatus;
}

/** A point where the verdict or a check changed: the event that changed it, what flipped, and readiness right after it. */
export interface ReadinessPoint {
  readonly position: number;
  readonly at: string;
  readonly recordedAt: string;
  readonly type: string;
  readonly ready: boolean;
  readonly flips: readonly CheckFlip[];
  readonly readiness: Readiness;
}

/** Readiness over the history of a log: every change, when it first became ready, and what flipped it back since. */
export interface ReadinessTimeline {
  readonly projectId: string;
  readonly points: readonly ReadinessPoint[];
  /** The position where readiness first passed, or null. */
  readonly firstReady: number | null;
  /** Whether it is ready at the end of the log read. */
  readonly ready: boolean;
}

/**
 * Readiness of a project after every event of the log, kept where the verdict or a check
 * changed (the first event read always starts the timeline): when the project first became
 * ready, and what flipped it back. Checks are compared in constant time per event; the full
 * sentences and evidence are built only at the points kept.
 */
export function readinessTimeline<L extends Log>(log: L, projectId: string, options: ReadinessOptions = {}): Answer<L, ReadinessTimeline> {
  const criteria = resolveCriteria(options.criteria);
  const state = createReadinessState(createHistory(options.policy ?? defaultPolicy, projectId));
  const points: ReadinessPoint[] = [];
  let previous: CheckStatus[] | undefined;
  const visit = (event: RecordedEvent): void => {
    applyToReadiness(state, event);
    const verdicts = readinessVerdicts(state, projectId, criteria);
    if (previous !== undefined && verdicts.every((status, index) => status === previous?.[index])) return;
    const flips = criteria.checks.flatMap((check, index) => (verdicts[index] === previous?.[index] ? [] : [{ check, from: previous?.[index] ?? null, to: verdicts[index] ?? "fail" }]));
    const readiness = readinessOf(state, projectId, criteria);
    points.push({ position: event.position, at: event.meta.occurredAt, recordedAt: event.recordedAt, type: event.type, ready: readiness.ready, flips, readiness });
    previous = verdicts;
  };
  const finish = (): ReadinessTimeline => {
    const firstReady = points.find((point) => point.ready)?.position ?? null;
    return deepFreeze({ projectId, points, firstReady, ready: points.at(-1)?.ready ?? false });
  };
  return scanLog(log, logRangeOf(options), visit, finish);
}
