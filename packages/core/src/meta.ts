import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { EventMeta, RecordedBreach } from "./envelope.js";
import { toUtcIso } from "./time.js";

const OPTIONAL_KEYS = ["correlationId", "causationId", "commandId"] as const;
const KNOWN_KEYS = new Set<string>(["actor", "occurredAt", "recordedBreaches", ...OPTIONAL_KEYS]);

/** A meta field that is missing or wrong: its path and a sentence. */
export interface MetaProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Checks event meta and returns it in canonical form: `actor` and `occurredAt` required,
 * `occurredAt` normalised to UTC, optional ids non-empty strings, no unknown keys.
 */
export function normaliseMeta(meta: unknown): Either<MetaProblem, EventMeta> {
  if (typeof meta !== "object" || meta === null) {
    return left({ path: "meta", message: "meta: every event needs meta with an actor and occurredAt" });
  }
  const record = meta as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) return left({ path: `meta.${key}`, message: `meta.${key}: unknown meta field` });
  }
  if (typeof record.actor !== "string" || record.actor.trim() === "") {
    return left({ path: "meta.actor", message: "meta.actor: every state change needs the actor who caused it" });
  }
  const occurredAt = toUtcIso(record.occurredAt);
  if (occurredAt._tag === "Left") return left({ path: "meta.occurredAt", message: `meta.occurredAt: ${occurredAt.left}` });
  const normalised: Record<string, unknown> = { actor: record.actor, occurredAt: occurredAt.right };
  for (const key of OPTIONAL_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== "string" || value === "") {
      return left({ path: `meta.${key}`, message: `meta.${key}: expected a non-empty string` });
    }
    normalised[key] = value;
  }
  if (record.recordedBreaches !== undefined) {
    const breaches = normaliseBreaches(record.recordedBreaches);
    if (breaches._tag === "Left") return breaches;
    normalised.recordedBreaches = breaches.right;
  }
  return right(normalised as unknown as EventMeta);
}

function normaliseBreaches(value: unknown): Either<MetaProblem, readonly RecordedBreach[]> {
  if (!Array.isArray(value) || value.length === 0) return left({ path: "meta.recordedBreaches", message: "meta.recordedBreaches: expected a non-empty list of { rule, message }" });
  const breaches: RecordedBreach[] = [];
  for (const [index, breach] of value.entries()) {
    const { rule, message } = (typeof breach === "object" && breach !== null ? breach : {}) as Record<string, unknown>;
    if (typeof rule !== "string" || rule === "" || typeof message !== "string" || message === "" || Object.keys(breach as object).length !== 2) {
      return left({ path: `meta.recordedBreaches.${index}`, message: `meta.recordedBreaches.${index}: expected { rule, message }, two non-empty strings` });
    }
    breaches.push({ rule, message });
  }
  return right(breaches);
}
