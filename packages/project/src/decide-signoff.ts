import type { DomainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ProjectCommandOf } from "./commands.js";
import type { Stamp } from "./decide-project.js";
import { projectError, projectLabel } from "./errors.js";
import type { ProjectEvent, RuleBreach } from "./events.js";
import type { ProjectFacts } from "./facts.js";

/**
 * Signing the transition off: only by a service owner, and only when readiness passes or
 * an override reason is given. Each rule follows its policy mode (`approver_role`,
 * `signoff_readiness`): enforce refuses; record accepts and the event lists the breach.
 */
export function decideSignOff(command: ProjectCommandOf<"project.sign_off_transition">, facts: ProjectFacts, stamp: Stamp): Either<DomainError, readonly ProjectEvent[]> {
  const label = projectLabel(command.projectId);
  const { readiness } = facts;
  if (readiness === undefined) return left(projectError("missing_fact", `${label}: the engine must supply facts.readiness (transition readiness now) to sign off`));
  const rules = facts.policy.control.rules;
  const breaches: RuleBreach[] = [];
  if (!facts.roles.includes("service_owner")) {
    const holds = facts.roles.length === 0 ? "holds no role" : `holds ${facts.roles.join(", ")}`;
    const message = `${facts.actor} ${holds}; only a service owner signs the transition off`;
    if (rules.approver_role === "enforce") {
      return left(projectError("not_service_owner", `${label}: ${message}; assign service_owner to ${facts.actor} in the policy's roles, or ask a service owner`, { actor: facts.actor, roles: facts.roles }));
    }
    breaches.push({ rule: "approver_role", message: `${label}: ${message}` });
  }
  const { overrideReason } = command;
  if (!readiness.ready && overrideReason === undefined) {
    const failing = readiness.failing.map((check) => `${check.check}: ${check.explanation}`).join("; ");
    const message = `transition readiness does not pass (${failing === "" ? "no check named" : failing})`;
    if (rules.signoff_readiness === "enforce") {
      return left(projectError("not_ready", `${label}: ${message}; make the checks pass, or sign off with an overrideReason, which is recorded as an audit finding`, { failing: readiness.failing }));
    }
    breaches.push({ rule: "signoff_readiness", message: `${label}: signed off although ${message}` });
  }
  const seen = { ready: readiness.ready, failing: readiness.failing.map((check) => ({ ...check })) };
  const override = overrideReason === undefined ? {} : { override: { reason: overrideReason } };
  return right([{ type: "project.transition_signed_off", data: { ...stamp, readiness: seen, ...override, breaches } }]);
}
