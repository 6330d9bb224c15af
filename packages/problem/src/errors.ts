import { domainError, type DomainError } from "@handover/core";
import type { ClosureCode } from "./values.js";

const entity = (problemId: string): string => `problem ${problemId}`;

/** The problem's domain errors, each with a code and a sentence that says what would satisfy the rule. */
export const problemErrors = {
  /** The command's time is before the problem's latest event. */
  timeRunsBackwards: (problemId: string, at: string, lastAt: string): DomainError =>
    domainError("time_runs_backwards", `${entity(problemId)}: the command is dated ${at}, before its latest event at ${lastAt}; give a time at or after ${lastAt}`, {
      problemId,
      at,
      lastAt,
    }),
  /** A known error needs a workaround. */
  workaroundRequired: (problemId: string): DomainError =>
    domainError("workaround_required", `${entity(problemId)}: becomes a known error only with a workaround; say what operations do until it is fixed`, { problemId }),
  /** A known error needs a root cause, given now or identified before. */
  /** The closure code is not one the state allows. */
  closureCodeNotAllowed: (problemId: string, code: ClosureCode, status: string, allowed: readonly ClosureCode[]): DomainError =>
    domainError("closure_code_not_allowed", `${entity(problemId)}: cannot close as "${code}" while "${status}"; "${status}" allows: ${allowed.join(", ")}`, {
      problemId,
      code,
      status,
      allowed,
    }),
  /** A duplicate names the problem it duplicates, which is another one. */
  duplicateOfRequired: (problemId: string): DomainError =>
    domainError("duplicate_of_required", `${entity(problemId)}: closing as a duplicate names the other problem in duplicateOf`, { problemId }),
};
