import type { Permission } from "./permissions.js";
import type { Breach, Rule, RuleContext } from "./rules.js";

function isImported(event: { readonly type: string }): boolean {
  const data = (event as { readonly data?: { readonly source?: unknown } }).data;
  return data?.source !== undefined;
}

/**
 * The permission rule as a rule of a process: the actor of each event the process maps to a
 * permission (`permissionOf`) holds one of the roles the policy grants that permission, at
 * the event's time (roles granted and revoked by events count from when they were). Events
 * mapped to no permission (votes and approvals, which `approver_role` judges) pass. A log
 * that holds no project passes too, and so does an event imported from another tool (its
 * data names its `source`): their actors are that tool's, whose permissions were its own.
 * `label` names the entity for the sentence; `judges` the event types that take a
 * permission, when some take none (absent: every event of the process).
 */
export function permissionRule<State, Event extends { readonly type: string }, Facts extends RuleContext>(
  permissionOf: (event: Event, state: State) => Permission | undefined,
  label: (event: Event) => string,
  judges?: readonly Event["type"][],
): Rule<State, Event, Facts> {
  return {
    name: "permission",
    ...(judges === undefined ? {} : { judges }),
    summary: "each step is taken by an actor holding a role the policy's permissions grant it (project phases to the project manager, baselines to the configuration manager, production deployment to the release or change manager, …), by the roles held when it was taken",
    check: (state, event, facts): Breach | undefined => {
      if (facts.withoutProject === true || isImported(event)) return undefined;
      const permission = permissionOf(event, state);
      if (permission === undefined) return undefined;
      const permitted = facts.policy.permissions[permission];
      const held = facts.roles;
      if (held.some((role) => permitted.includes(role))) return undefined;
      const holds = held.length === 0 ? "holds no role" : `holds ${held.join(", ")}`;
      const needs = permitted.length === 1 ? `the ${permitted[0]} role` : `one of the roles ${permitted.join(", ")}`;
      const message = `${label(event)}: ${event.type} by ${facts.actor}, who ${holds}; ${permission} needs ${needs}; ask a holder, or have the project manager grant the role (project.grant_role)`;
      return { rule: "permission", code: "not_permitted", message, details: { actor: facts.actor, permission, permitted, held } };
    },
  };
}
