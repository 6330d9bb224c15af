import type { RecordedEvent } from "@handover/core";
import type { ProblemState } from "@handover/problem";
import { deepFreeze } from "../freeze.js";
import type { Aggregates } from "../history/aggregates.js";
import { createHistory } from "../history/history.js";
import type { CmdbState } from "../cmdb/state.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";

/** A CI a known error affects, as the CMDB knows it (or not). */
export interface AffectedCi {
  readonly ciId: string;
  readonly name: string | null;
  readonly ciType: string | null;
  readonly status: string | null;
}

/** A known error operations inherit: its symptom, root cause, workaround, the CIs it affects and the incidents it explains. */
export interface KnownErrorEntry {
  readonly problemId: string;
  readonly title: string | null;
  /** known_error while open; closed when its risk was accepted (it stays with operations). */
  readonly status: string;
  readonly symptom: string;
  /** Null while the root cause is not found (a known error is recorded as soon as a workaround exists). */
  readonly rootCause: string | null;
  readonly workaround: string;
  /** Business time the known error was recorded. */
  readonly recordedAt: string;
  /** Position of the `problem.known_error_recorded` event. */
  readonly position: number;
  readonly cis: readonly AffectedCi[];
  readonly incidentIds: readonly string[];
}

/** The known errors of a log as of a point. */
export interface KnownErrors {
  readonly position: number;
  readonly knownErrors: readonly KnownErrorEntry[];
}

/** True when a problem's known error stays with operations: still open, or closed with its risk accepted (not fixed, not a duplicate). */
export function knownErrorIsOpen(problem: ProblemState): boolean {
  if (problem.knownError === null) return false;
  return problem.status === "known_error" || (problem.status === "closed" && problem.closure?.code === "risk_accepted");
}

function incidentsOf(problem: ProblemState, aggregates: Aggregates): string[] {
  const linked = new Set(problem.incidentIds);
  for (const [incidentId, tracked] of aggregates.of("incident")) if (tracked.state.problemIds.includes(problem.problemId)) linked.add(incidentId);
  return [...linked];
}

function affected(ciId: string, cmdb: CmdbState): AffectedCi {
  const ci = cmdb.cis.get(ciId);
  return { ciId, name: ci?.name ?? null, ciType: ci?.ciType ?? null, status: ci?.status ?? null };
}

/**
 * The known errors operations inherit at handover, as of any point of the log: each open
 * (or risk-accepted) known error with its workaround, the CIs it affects (as the CMDB knows
 * them) and the incidents linked to it, in the order they were recorded.
 */
export function knownErrors<L extends Log>(log: L, options: ReadOptions = {}): Answer<L, KnownErrors> {
  const history = createHistory();
  const recordedAt = new Map<string, number>();
  const visit = (event: RecordedEvent): void => {
    history.apply(event);
    if (event.type === "problem.known_error_recorded") recordedAt.set(String((event.data as { problemId: string }).problemId), event.position);
  };
  const finish = (): KnownErrors => {
    const entries: KnownErrorEntry[] = [];
    for (const [problemId, tracked] of history.aggregates.of("problem")) {
      const problem = tracked.state;
      if (problem.knownError === null || !knownErrorIsOpen(problem)) continue;
      const { symptom, rootCause, workaround, ciIds, at } = problem.knownError;
      entries.push({
        problemId,
        title: problem.title,
        status: problem.status,
        symptom,
        rootCause,
        workaround,
        recordedAt: at,
        position: recordedAt.get(problemId) ?? tracked.lastPosition,
        cis: [...new Set([...ciIds, ...problem.ciIds])].map((ciId) => affected(ciId, history.cmdb)),
        incidentIds: incidentsOf(problem, history.aggregates),
      });
    }
    return deepFreeze({ position: history.cmdb.position, knownErrors: entries.sort((a, b) => a.position - b.position) });
  };
  return scanLog(log, logRangeOf(options), visit, finish);
}
