import type { DomainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ProjectCommandOf } from "./commands.js";
import type { Stamp } from "./decide-project.js";
import { projectError, projectLabel } from "./errors.js";
import type { ProjectEvent } from "./events.js";
import type { ProjectFacts } from "./facts.js";

/**
 * Signing the transition off: the event keeps the readiness seen and the override reason,
 * if any. Who may sign off and whether readiness must pass are the project's rules
 * (`projectRules`: `approver_role`, `signoff_readiness`), judged on the event.
 */
export function decideSignOff(command: ProjectCommandOf<"project.sign_off_transition">, facts: ProjectFacts, stamp: Stamp): Either<DomainError, readonly ProjectEvent[]> {
  const { readiness } = facts;
  if (readiness === undefined) return left(projectError("missing_fact", `${projectLabel(command.projectId)}: the engine must supply facts.readiness (transition readiness now) to sign off`));
  const seen = { ready: readiness.ready, failing: readiness.failing.map((check) => ({ ...check })) };
  const override = command.overrideReason === undefined ? {} : { override: { reason: command.overrideReason } };
  return right([{ type: "project.transition_signed_off", data: { ...stamp, readiness: seen, ...override } }]);
}
