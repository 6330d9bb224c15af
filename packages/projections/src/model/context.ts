import { rolesOf, type RuleContext } from "@handover/itil";
import type { History } from "../history/history.js";

/**
 * The context of an actor's step at a business time, as the history stands: the policy in
 * force (the organisation's with the project's overrides), the roles it gives, and the
 * project's phase (none at all when the log holds no project). A decision builds it for its command, the audit for each event: the same way.
 */
export function contextOf(history: History, actor: string, at: string): RuleContext {
  const policy = history.policy();
  const rolesIn = (who: string) => rolesOf(policy.roles, who);
  const withoutProject = history.project() === undefined;
  return { actor, at, roles: rolesIn(actor), rolesOf: rolesIn, policy, phase: history.phase(), ...(withoutProject ? { withoutProject } : {}) };
}
