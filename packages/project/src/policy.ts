import { domainError, type DomainError } from "@handover/core";
import { defaultPolicy, resolvePolicy, type HandoverPolicy } from "@handover/itil";
import { left, mapLeft, type Either } from "fp-ts/lib/Either.js";
import { projectLabel } from "./errors.js";
import type { ProjectState } from "./state.js";

/**
 * The policy a project runs under: the organisation's policy (the defaults of docs/policy.md unless
 * given) with the project's overrides applied. Refused for a project that has not started,
 * and for overrides that no longer apply (possible only for imported history).
 */
export function effectivePolicy(state: ProjectState, organisationPolicy: HandoverPolicy = defaultPolicy): Either<DomainError, HandoverPolicy> {
  if (state.status === "none") return left(domainError("project_not_started", "the project has not started, so it has no policy of its own yet"));
  return mapLeft((problem: string) => domainError("invalid_policy", `${projectLabel(state.projectId)}: its policy overrides do not apply: ${problem}`))(
    resolvePolicy(state.policy, organisationPolicy),
  );
}
