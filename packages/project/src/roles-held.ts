import { ROLES, rolesOf, type Role, type RoleAssignments } from "@handover/itil";
import type { ProjectState } from "./state.js";

/**
 * The roles an actor holds on the project now: the policy's roles, `project_manager` for the
 * manager the project was started with, and the roles granted by `project.role_granted`,
 * less those revoked by `project.role_revoked` (a revocation removes a role whatever gave
 * it; a later grant gives it back). Replayed event by event, it gives the roles held at
 * each event's time.
 */
export function rolesHeld(state: ProjectState, assignments: RoleAssignments, actor: string): readonly Role[] {
  const fromPolicy = rolesOf(assignments, actor);
  const isManager = state.status !== "none" && state.manager === actor;
  const changes = Object.hasOwn(state.roleChanges, actor) ? state.roleChanges[actor] : undefined;
  if (changes === undefined && !isManager) return fromPolicy;
  return ROLES.filter((role) => changes?.[role] ?? (fromPolicy.includes(role) || (isManager && role === "project_manager")));
}
