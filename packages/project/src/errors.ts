import { domainError, type DomainError } from "@handover/core";

/** The codes of the project process's refusals. */
export const PROJECT_ERRORS = [
  "project_not_started",
  "project_already_started",
  "invalid_transition",
  "invalid_policy",
  "phase_not_enterable",
  "reason_required",
  "phase_too_early",
  "duplicate_service",
  "duplicate_baseline",
  "unknown_ci",
  "ci_retired",
  "unknown_ci_type",
  "empty_baseline",
  "not_service_owner",
  "not_ready",
  "missing_fact",
  "role_not_held",
] as const;
/** A code of the project process's refusals. */
export type ProjectErrorCode = (typeof PROJECT_ERRORS)[number];

/** Builds one of the project process's refusals. */
export function projectError(code: ProjectErrorCode, message: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError(code, message, details);
}

/** How a project is named in messages: `project crm-replacement`. */
export function projectLabel(projectId: string): string {
  return `project ${projectId}`;
}
