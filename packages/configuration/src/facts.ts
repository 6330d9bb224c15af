import type { CiId, CiStatus, CommandContext, RuleContext } from "@handover/itil";
import type { ChangeControlRequirement } from "./scope.js";
import type { Relationship } from "./values.js";

/** The target of `ci.add_relationship` as it is now: its status (`none` when not registered) and its stored relationships. */
export interface RelationshipTargetFacts {
  readonly ciId: CiId;
  readonly status: CiStatus | "none";
  readonly relationships: readonly Relationship[];
}

/**
 * The facts configuration management's decider needs besides the command: the command
 * context (actor, time, roles, policy with its CI types), whether change control applies
 * to the CI now (`changeControlRequirement`; the event records it), and for
 * `ci.add_relationship` the target CI.
 */
export interface ConfigurationFacts extends CommandContext {
  readonly changeControl: Pick<ChangeControlRequirement, "required">;
  /** Required by `ci.add_relationship`; ignored by every other command. */
  readonly relationshipTarget?: RelationshipTargetFacts;
}

/**
 * Change management's answer for the change a configuration event names: whether it
 * authorises changing the CI at the event's time, and if not, why (change's `coverageOf`).
 */
export type NamedChangeVerdict = { readonly changeId: string } & ({ readonly covers: true } | { readonly covers: false; readonly message: string });

/**
 * What configuration management's rules read: the rule context, whether change control
 * applies to the CI at the event's time (its scope, the phase, the policy) and, when the
 * event names a change the log holds, change management's verdict on it.
 */
export interface ConfigurationRuleFacts extends RuleContext {
  readonly changeControl: ChangeControlRequirement;
  /** Absent when the event names no change, or one the log does not hold before it. */
  readonly namedChange?: NamedChangeVerdict;
}
