import type { HandoverPolicy } from "./policy.js";
import type { Role } from "./roles.js";

/**
 * What every decider knows about the command besides its payload: who issues it, when
 * (the business time, from the injected clock or the imported record), the roles the
 * policy gives that actor, and the policy in force. Supplied by the engine as part of
 * the facts, never read from a clock or claimed by the command itself.
 */
export interface CommandContext {
  readonly actor: string;
  /** ISO-8601 UTC business time of the command. */
  readonly at: string;
  /** The actor's roles under the policy's role assignments. */
  readonly roles: readonly Role[];
  readonly policy: HandoverPolicy;
}
