import { domainError, type DomainError } from "@handover/core";

/** The codes of configuration management's refusals. */
export const CONFIGURATION_ERRORS = [
  "ci_not_registered",
  "ci_already_registered",
  "invalid_transition",
  "unknown_ci_type",
  "attribute_not_set",
  "relationship_to_itself",
  "duplicate_relationship",
  "relationship_target_unknown",
  "relationship_target_retired",
  "relationship_not_found",
  "change_not_authorised",
  "missing_fact",
] as const;
/** A code of configuration management's refusals. */
export type ConfigurationErrorCode = (typeof CONFIGURATION_ERRORS)[number];

/** Builds one of configuration management's refusals. */
export function configurationError(
  code: ConfigurationErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError {
  return domainError(code, message, details);
}

/** How a CI is named in messages: `CI crm-db`. */
export function ciLabel(ciId: string): string {
  return `CI ${ciId}`;
}
