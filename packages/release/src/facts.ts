import type { CommandContext } from "@handover/itil";

/**
 * The facts release management's decider needs besides the command: the command context
 * (actor, time, the actor's roles, the policy). What its rules read of the changes a
 * release bundles is `ReleaseRuleFacts`.
 */
export type ReleaseFacts = CommandContext;
