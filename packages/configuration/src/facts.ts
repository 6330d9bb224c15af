import type { ChangeId, CiId, CiStatus, CommandContext, RuleMode, TimeWindow } from "@handover/itil";
import type { Relationship } from "./values.js";

/**
 * What the engine knows of the change a command names. `authorised` is true while the
 * change's authorisation holds (authorised, scheduled or being implemented; not once it
 * is closed, rejected or cancelled); the engine reads it from the change process.
 */
export interface NamedChangeFacts {
  readonly changeId: ChangeId;
  readonly authorised: boolean;
  /** The CIs the change names. */
  readonly ciIds: readonly CiId[];
  /** The change's implementation window; absent while it has none. */
  readonly window?: TimeWindow;
}

/**
 * Whether change control applies to this CI now, and how. The engine computes `required`
 * and `mode` with `changeControlRequirement` (phase, policy and the CI's scope) and looks
 * up the named change, if the command names one.
 */
export interface ChangeControlFacts {
  readonly required: boolean;
  readonly mode: RuleMode;
  /** Why change control applies, for messages: `crm-db is in production scope`. */
  readonly because?: string;
  /** The change the command names; absent when it names none or the change is not known. */
  readonly change?: NamedChangeFacts;
}

/** The target of `ci.add_relationship` as it is now: its status (`none` when not registered) and its stored relationships. */
export interface RelationshipTargetFacts {
  readonly ciId: CiId;
  readonly status: CiStatus | "none";
  readonly relationships: readonly Relationship[];
}

/**
 * The facts configuration management needs besides the command: the command context
 * (actor, time, roles, policy with its CI types), change control for this CI, and for
 * `ci.add_relationship` the target CI.
 */
export interface ConfigurationFacts extends CommandContext {
  readonly changeControl: ChangeControlFacts;
  /** Required by `ci.add_relationship`; ignored by every other command. */
  readonly relationshipTarget?: RelationshipTargetFacts;
}
