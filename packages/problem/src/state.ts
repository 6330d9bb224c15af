import type { ProblemStatus } from "./lifecycle.js";
import type { ClosureCode } from "./values.js";

/** A known error: what operations inherit at handover. */
export interface KnownError {
  readonly symptom: string;
  /** Null while the root cause is not found: ITIL raises a known error as soon as a workaround exists. */
  readonly rootCause: string | null;
  readonly workaround: string;
  readonly ciIds: readonly string[];
  readonly at: string;
}

/** A problem as its events leave it. */
export interface ProblemState {
  readonly status: ProblemStatus;
  readonly problemId: string;
  readonly title: string | null;
  readonly investigator: string | null;
  readonly rootCause: string | null;
  readonly knownError: KnownError | null;
  readonly ciIds: readonly string[];
  readonly incidentIds: readonly string[];
  readonly resolvedBy: string | null;
  readonly closure: { readonly code: ClosureCode; readonly duplicateOf: string | null; readonly at: string } | null;
  readonly loggedAt: string | null;
  readonly lastAt: string | null;
}

/** The state of a problem that has not been logged. */
export const initialProblemState: ProblemState = Object.freeze({
  status: "none",
  problemId: "",
  title: null,
  investigator: null,
  rootCause: null,
  knownError: null,
  ciIds: Object.freeze([]),
  incidentIds: Object.freeze([]),
  resolvedBy: null,
  closure: null,
  loggedAt: null,
  lastAt: null,
}) as ProblemState;
