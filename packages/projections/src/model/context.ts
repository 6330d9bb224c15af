import { rolesOf, type RuleContext } from "@handover/itil";
import { wiringNamed, type ProcessName } from "../event-kinds.js";
import { rolesHeld } from "@handover/project";
import type { History } from "../history/history.js";

/**
 * The context of an actor's step at a business time, as the history stands: the policy in
 * force (the organisation's with the project's overrides), the roles held then (the policy's,
 * the project manager's, and those granted and revoked by the project's events up to then), and the
 * project's phase (none at all when the log holds no project). A decision builds it for its command, the audit for each event: the same way.
 */
export function contextOf(history: History, actor: string, at: string): RuleContext {
  const policy = history.policy();
  const project = history.project()?.state;
  const rolesIn = project === undefined ? (who: string) => rolesOf(policy.roles, who) : (who: string) => rolesHeld(project, policy.roles, who);
  const withoutProject = project === undefined;
  const exists = (kind: string, id: string) => wiringNamed(kind) !== undefined && history.aggregate(kind as ProcessName, id) !== undefined;
  return { actor, at, roles: rolesIn(actor), rolesOf: rolesIn, exists, policy, phase: history.phase(), ...(withoutProject ? { withoutProject } : {}) };
}
