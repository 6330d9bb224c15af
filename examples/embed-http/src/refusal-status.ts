/**
 * Codes of refusals that conflict with the current state of the log rather than with a
 * rule: another writer moved the stream on, the aggregate exists already, or its lifecycle
 * state does not accept the command. They answer 409; other domain refusals answer 422.
 */
const CONFLICT_CODES: ReadonlySet<string> = new Set([
  "version_conflict",
  "concurrency_retries_exhausted",
  "invalid_transition",
  "no_project",
  "one_project_per_log",
  "project_already_started",
  "project_not_started",
  "ci_already_registered",
  "ci_not_registered",
  "change_exists",
  "change_not_found",
  "release_exists",
  "release_not_found",
  "duplicate_baseline",
  "already_voted",
  "retrospective_review_concluded",
]);

/** Codes of an append the store refused because the decided events were broken: the server's fault. */
const SERVER_CODES: ReadonlySet<string> = new Set(["invalid_event", "invalid_meta", "unknown_event_type", "unknown_schema_version", "chain_rejected"]);

/** Codes of a command that could not be read: its type, its fields, its actor or its time. */
const INPUT_CODES: ReadonlySet<string> = new Set(["invalid_command", "unknown_command"]);

/**
 * The HTTP status of an engine refusal: 400 for a command that cannot be read, 409 for a
 * conflict with the log's current state, 500 for events the store refused, 422 for every
 * other domain refusal (a rule of the policy or of a process said no).
 */
export function statusOfRefusal(code: string): 400 | 409 | 422 | 500 {
  if (INPUT_CODES.has(code)) return 400;
  if (CONFLICT_CODES.has(code)) return 409;
  if (SERVER_CODES.has(code)) return 500;
  return 422;
}
