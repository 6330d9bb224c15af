import type { ProjectState } from "@handover/project";
import type { ReadinessCheckName, ResolvedCriteria } from "./criteria.js";
import type { ReadinessState } from "./state.js";

/** What a check reads: the readiness state, the project asked about, and the criteria. */
export interface CheckContext {
  readonly state: ReadinessState;
  readonly projectId: string;
  /** The project's state, undefined when it has not started in the log read. */
  readonly project: ProjectState | undefined;
  readonly criteria: ResolvedCriteria;
}

/** A check's finding before severity applies: whether it passes, a sentence a person can act on, and the evidence positions. */
export interface CheckOutcome {
  readonly passes: boolean;
  readonly explanation: string;
  readonly evidence: readonly number[];
}

/** One readiness check: a constant-time verdict (for timelines) and the full outcome with its sentence and evidence. */
export interface CheckDefinition {
  readonly name: ReadinessCheckName;
  passes(context: CheckContext): boolean;
  outcome(context: CheckContext): CheckOutcome;
}

/** Lists ids for a sentence: all of them up to `max`, then how many more. */
export function listed(ids: readonly string[], max = 5): string {
  if (ids.length <= max) return ids.join(", ");
  return `${ids.slice(0, max).join(", ")} and ${ids.length - max} more`;
}

/** `1 change is` / `3 changes are`. */
export function counted(count: number, noun: string, verb?: readonly [string, string]): string {
  const word = count === 1 ? noun : `${noun}s`;
  return verb === undefined ? `${count} ${word}` : `${count} ${word} ${count === 1 ? verb[0] : verb[1]}`;
}

/** The positions of a map of offenders, in log order. */
export function positionsOf(offenders: Iterable<number>): number[] {
  return [...offenders].sort((a, b) => a - b);
}
