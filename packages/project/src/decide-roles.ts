import type { DomainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ProjectCommandOf } from "./commands.js";
import type { Stamp } from "./decide-project.js";
import { projectError, projectLabel } from "./errors.js";
import type { ProjectEvent } from "./events.js";
import type { ProjectFacts } from "./facts.js";
import { rolesHeld } from "./roles-held.js";
import type { ProjectState } from "./state.js";

/**
 * Granting or revoking a role: granting one the actor holds already records nothing;
 * revoking one the actor does not hold is refused, naming the roles held. Who may grant
 * roles is the `permission` rule's question (`project_roles`); granting oneself a role is
 * `segregation_of_duties`'.
 */
export function decideRoleChange(
  command: ProjectCommandOf<"project.grant_role" | "project.revoke_role">,
  state: ProjectState,
  facts: ProjectFacts,
  stamp: Stamp,
): Either<DomainError, readonly ProjectEvent[]> {
  const { actor, role } = command;
  const held = rolesHeld(state, facts.policy.roles, actor);
  if (command.type === "project.grant_role") {
    if (held.includes(role)) return right([]);
    return right([{ type: "project.role_granted", data: { ...stamp, actor, role, ...(command.reason === undefined ? {} : { reason: command.reason }) } }]);
  }
  if (!held.includes(role)) {
    const holds = held.length === 0 ? "holds no role" : `holds ${held.join(", ")}`;
    return left(projectError("role_not_held", `${projectLabel(command.projectId)}: ${actor} does not hold ${role} (${holds}); nothing to revoke`, { actor, role, held }));
  }
  return right([{ type: "project.role_revoked", data: { ...stamp, actor, role, reason: command.reason } }]);
}
