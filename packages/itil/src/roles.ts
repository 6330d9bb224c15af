import { z } from "zod";

/**
 * The roles Handover's rules name. An organisation assigns them to actors in its policy, and
 * a project grants and revokes them by events. `stakeholder` is a member of the project with
 * no process role (a product owner, a business lead): they may request changes.
 */
export const ROLES = [
  "project_manager",
  "configuration_manager",
  "change_manager",
  "cab_member",
  "ecab_member",
  "release_manager",
  "incident_manager",
  "problem_manager",
  "service_owner",
  "service_desk",
  "developer",
  "tester",
  "stakeholder",
] as const;

/** A role an actor may hold. */
export const Role = z.enum(ROLES);
/** A role an actor may hold. */
export type Role = z.infer<typeof Role>;

/** Which roles each actor holds: the only source of roles (a command never claims its own). */
export const RoleAssignments = z.record(z.string().min(1), z.array(Role));
/** Which roles each actor holds. */
export type RoleAssignments = Readonly<Record<string, readonly Role[]>>;

/** The roles an actor holds under the assignments (none when unknown). */
export function rolesOf(assignments: RoleAssignments, actor: string): readonly Role[] {
  return Object.hasOwn(assignments, actor) ? (assignments[actor] ?? []) : [];
}

/** True when the actor holds the role under the assignments. */
export function hasRole(assignments: RoleAssignments, actor: string, role: Role): boolean {
  return rolesOf(assignments, actor).includes(role);
}
