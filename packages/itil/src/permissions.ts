import { z } from "zod";
import { ROLES, Role } from "./roles.js";

/**
 * The groups of state-changing steps the policy grants to roles. Each process maps its
 * events onto them (`permissionOf` in its rules); votes, approvals and sign-off are not
 * among them, because `approver_role` already names the one role that may take them.
 */
export const PERMISSIONS = [
  "project_phases",
  "project_transition",
  "project_roles",
  "service_levels",
  "baselines",
  "ci_changes",
  "change_requests",
  "change_management",
  "change_implementation",
  "incident_work",
  "problem_work",
  "release_planning",
  "release_build",
  "release_test",
  "release_deploy_test",
  "release_deploy_production",
  "release_rollback",
] as const;
/** A group of steps the policy grants to roles. */
export const Permission = z.enum(PERMISSIONS);
/** A group of steps the policy grants to roles. */
export type Permission = z.infer<typeof Permission>;

/** Which roles may take the steps of each permission. */
export type PermissionPolicy = Readonly<Record<Permission, readonly Role[]>>;

/** Every role of the project: for steps ITIL leaves open to anyone on the project (raising a change request). */
const everyRole: readonly Role[] = ROLES;

/**
 * The default permissions (docs/policy.md), after ITIL practice: the project manager runs
 * phases, the transition request and the project's roles; the configuration manager takes
 * baselines; CIs are changed by the configuration manager, the developers who implement
 * changes and the release manager who deploys them; anyone on the project may request a
 * change, the change manager assesses, schedules, closes and reviews it (a standard change,
 * pre-authorised, is scheduled by whoever may implement it), and it is implemented by
 * developers or the release manager; incidents are worked by the service desk, the incident
 * and problem managers and the resolver groups (developers, testers); problems by the
 * problem manager, the incident manager and the developers; releases
 * are planned by the release manager, built by developers, tested by testers, deployed to
 * test environments by the release manager or developers, and taken to production or rolled
 * back by the release or change manager.
 */
export const defaultPermissions: PermissionPolicy = Object.freeze({
  project_phases: ["project_manager"],
  project_transition: ["project_manager"],
  project_roles: ["project_manager"],
  service_levels: ["project_manager", "service_owner"],
  baselines: ["configuration_manager"],
  ci_changes: ["configuration_manager", "developer", "release_manager"],
  change_requests: everyRole,
  change_management: ["change_manager"],
  change_implementation: ["developer", "release_manager", "configuration_manager", "change_manager"],
  incident_work: ["service_desk", "incident_manager", "problem_manager", "developer", "tester"],
  problem_work: ["problem_manager", "developer", "incident_manager"],
  release_planning: ["release_manager"],
  release_build: ["developer", "release_manager"],
  release_test: ["tester", "release_manager"],
  release_deploy_test: ["release_manager", "developer"],
  release_deploy_production: ["release_manager", "change_manager"],
  release_rollback: ["release_manager", "change_manager"],
} satisfies Record<Permission, readonly Role[]>);

/** Permission overrides, as JSON: the roles for any permission the organisation or project sets itself. */
export const PermissionOverrides = z.partialRecord(Permission, z.array(Role));

/** The event types a table of events to permissions maps to one (for a permission rule's `judges`). */
export function typesTakingAPermission<Type extends string>(table: Readonly<Record<Type, Permission | undefined>>): Type[] {
  return (Object.keys(table) as Type[]).filter((type) => table[type] !== undefined);
}

/** The roles that may take the steps of a permission under a policy's permissions. */
export function rolesPermitted(permissions: PermissionPolicy, permission: Permission): readonly Role[] {
  return permissions[permission];
}
