import type { CiId, CiStatus, CiType, CommandContext } from "@handover/itil";
import type { FailedCheck } from "./values.js";

/**
 * Transition readiness as the engine reads it from the readiness projection, when the
 * command is decided: whether it passes, and the checks that fail (one sentence each).
 */
export interface TransitionReadiness {
  readonly ready: boolean;
  readonly failing: readonly FailedCheck[];
}

/** One CI of the project as the CMDB holds it now: its type, status, and the version of its stream (`ci-<id>`). */
export interface ProjectCi {
  readonly ciId: CiId;
  readonly ciType: CiType;
  readonly status: CiStatus;
  readonly version: number;
}

/**
 * The facts the project process needs besides the command: the command context (for
 * `project.start`, `policy` is the organisation's policy the overrides apply to), and
 * per command what the engine reads from other processes.
 */
export interface ProjectFacts extends CommandContext {
  /** Required by `project.sign_off_transition`: readiness now. */
  readonly readiness?: TransitionReadiness;
  /** Required by `project.take_baseline`: every CI of the project now, retired ones included. */
  readonly cis?: readonly ProjectCi[];
}
