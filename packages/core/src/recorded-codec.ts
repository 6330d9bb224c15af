import { canonicalLine } from "./canonical-line.js";
import { describeValue } from "./describe-value.js";
import type { EventMeta, RecordedEvent } from "./envelope.js";
import { identifierProblem } from "./input-rules.js";

const ENVELOPE_FIELDS = [
  "position", "streamId", "version", "eventId", "type", "schemaVersion", "data", "meta", "recordedAt", "prevHash", "hash",
] as const;
const ENVELOPE_FIELD_SET = new Set<string>(ENVELOPE_FIELDS);
/** Lowercase hex digits; a hash is also checked for its length first (cheaper than a counted pattern). */
const HEX = /^[0-9a-f]+$/;
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isHash = (value: string): boolean => value.length === 64 && HEX.test(value);
const isUtcTime = (value: string): boolean => value.length === 24 && UTC_TIME.test(value);

/** One line of a JSONL log: the recorded event's canonical line (RFC 8785), without the newline. */
export function serializeRecordedEvent(event: RecordedEvent): string {
  return canonicalLine(event);
}

/**
 * Checks that a parsed value has the recorded-event envelope: every field, right types,
 * no unknown fields. Returns the first problem as `field: what was wrong`, or the event.
 */
export function checkRecordedEnvelope(value: unknown): RecordedEvent | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected a JSON object (one recorded event)";
  const record = value as Record<string, unknown>;
  for (const key in record) if (!ENVELOPE_FIELD_SET.has(key)) return `${key}: unknown envelope field`;
  for (const check of ENVELOPE_CHECKS) {
    const problem = check(record);
    if (problem !== undefined) return problem;
  }
  return record as unknown as RecordedEvent;
}

/** The envelope's field checks, in field order: each answers `field: what was wrong`, or undefined. */
const ENVELOPE_CHECKS: readonly ((record: Record<string, unknown>) => string | undefined)[] = [
  (record) => positiveInteger(record, "position"),
  (record) => identifierProblem(record.streamId, "streamId")?.message,
  (record) => positiveInteger(record, "version"),
  (record) => identifierProblem(record.eventId, "eventId")?.message,
  (record) => identifierProblem(record.type, "type")?.message,
  (record) => positiveInteger(record, "schemaVersion"),
  (record) => (record.data === undefined ? "data: missing" : undefined),
  (record) => checkMeta(record.meta),
  (record) => matching(record, "recordedAt", isUtcTime, "an ISO-8601 UTC time like 2026-03-12T09:30:00.000Z"),
  (record) => matching(record, "prevHash", isHash, "64 lowercase hex digits"),
  (record) => matching(record, "hash", isHash, "64 lowercase hex digits"),
];

/** The ids a recorded meta may hold besides the actor; each is held to the same id rule as on append. */
const META_IDS = ["commandId", "correlationId", "causationId"] as const;

/** Meta as stored: an actor and ids that pass the id rule every append applies, and a UTC occurredAt. */
function checkMeta(meta: unknown): string | undefined {
  if (typeof meta !== "object" || meta === null) return "meta: missing";
  const record = meta as Partial<Record<keyof EventMeta, unknown>>;
  if (record.actor === undefined) return "meta.actor: missing";
  const actor = identifierProblem(record.actor, "meta.actor");
  if (actor !== undefined) return actor.message;
  if (typeof record.occurredAt !== "string" || !isUtcTime(record.occurredAt)) {
    return `meta.occurredAt: expected an ISO-8601 UTC time like 2026-03-12T09:30:00.000Z, got ${describeValue(record.occurredAt)}`;
  }
  for (const key of META_IDS) {
    const value = record[key];
    const invalid = value === undefined ? undefined : identifierProblem(value, `meta.${key}`);
    if (invalid !== undefined) return invalid.message;
  }
  return undefined;
}

function positiveInteger(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  return Number.isInteger(value) && (value as number) >= 1 ? undefined : `${field}: expected a positive integer, got ${describeValue(value)}`;
}

function matching(record: Record<string, unknown>, field: string, test: (value: string) => boolean, what: string): string | undefined {
  const value = record[field];
  return typeof value === "string" && test(value) ? undefined : `${field}: expected ${what}, got ${describeValue(value)}`;
}
