import { left, right, type Either } from "fp-ts/lib/Either.js";
import { describeValue } from "./describe-value.js";
import type { EventMeta, RecordedBreach } from "./envelope.js";
import { identifierProblem, textProblem, type InputProblem } from "./input-rules.js";
import { memberPath } from "./json-value-rule.js";
import { toUtcIso } from "./time.js";

const OPTIONAL_KEYS = ["correlationId", "causationId", "commandId"] as const;
const KNOWN_KEYS = new Set<string>(["actor", "occurredAt", "recordedBreaches", ...OPTIONAL_KEYS]);

/** A meta field that is missing or wrong: its path and a sentence. */
export type MetaProblem = InputProblem;

/**
 * Checks event meta and returns it in canonical form: `actor` and `occurredAt` required,
 * `occurredAt` normalised to UTC, the actor and the optional ids held to the id rule
 * (`identifierProblem`: visible, well-formed, no control or format characters, at most 256
 * characters), no unknown keys. Never throws, whatever it is given.
 */
export function normaliseMeta(meta: unknown): Either<MetaProblem, EventMeta> {
  if (typeof meta === "object" && meta !== null && normalisedMetas.has(meta)) return right(meta as EventMeta);
  try {
    return checkMeta(meta);
  } catch (error) {
    return left({ path: "meta", message: `meta: could not be read (${error instanceof Error ? error.message : "an unreadable value"})` });
  }
}

/**
 * Meta this module normalised, frozen: normalising one again answers it as it is (a command's
 * meta is checked by the command handler, then by the store it appends to).
 */
const normalisedMetas = new WeakSet<object>();

function checkMeta(meta: unknown): Either<MetaProblem, EventMeta> {
  if (typeof meta !== "object" || meta === null || Array.isArray(meta)) {
    return left({ path: "meta", message: `meta: every event needs meta, an object with an actor and occurredAt; got ${describeValue(meta)}` });
  }
  const record = meta as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) return left(unknownKey("meta", key));
  }
  if (record.actor === undefined) return left({ path: "meta.actor", message: "meta.actor: every state change needs the actor who caused it" });
  const actor = identifierProblem(record.actor, "meta.actor");
  if (actor !== undefined) return left(actor);
  const occurredAt = toUtcIso(record.occurredAt);
  if (occurredAt._tag === "Left") return left({ path: "meta.occurredAt", message: `meta.occurredAt: ${occurredAt.left}` });
  const normalised: Record<string, unknown> = { actor: record.actor, occurredAt: occurredAt.right };
  const ids = copyOptionalIds(record, normalised);
  if (ids !== undefined) return left(ids);
  if (record.recordedBreaches !== undefined) {
    const breaches = normaliseBreaches(record.recordedBreaches);
    if (breaches._tag === "Left") return breaches;
    normalised.recordedBreaches = Object.freeze(breaches.right.map((breach) => Object.freeze(breach)));
  }
  normalisedMetas.add(Object.freeze(normalised));
  return right(normalised as unknown as EventMeta);
}

/** The problem of a key a meta object does not know, named so nothing unprintable shows raw. */
export function unknownKey(root: string, key: string): MetaProblem {
  const path = memberPath(root, key);
  return { path, message: `${path}: unknown meta field; known: actor, occurredAt, ${OPTIONAL_KEYS.join(", ")}` };
}

function normaliseBreaches(value: unknown): Either<MetaProblem, readonly RecordedBreach[]> {
  if (!Array.isArray(value) || value.length === 0) return left({ path: "meta.recordedBreaches", message: "meta.recordedBreaches: expected a non-empty list of { rule, message }" });
  const breaches: RecordedBreach[] = [];
  for (const [index, breach] of value.entries()) {
    const checked = checkBreach(breach, `meta.recordedBreaches[${index}]`);
    if (checked._tag === "Left") return checked;
    breaches.push(checked.right);
  }
  return right(breaches);
}

function checkBreach(breach: unknown, path: string): Either<MetaProblem, RecordedBreach> {
  const { rule, message } = (typeof breach === "object" && breach !== null ? breach : {}) as Record<string, unknown>;
  if (typeof rule !== "string" || typeof message !== "string" || message === "" || Object.keys(breach as object).length !== 2) {
    return left({ path, message: `${path}: expected { rule, message }, two non-empty strings` });
  }
  const malformed = identifierProblem(rule, `${path}.rule`) ?? textProblem(message, `${path}.message`);
  return malformed === undefined ? right({ rule, message }) : left(malformed);
}

/** Copies the optional ids that are given into the normalised meta; the first that breaks the id rule is the problem. */
function copyOptionalIds(record: Record<string, unknown>, normalised: Record<string, unknown>): MetaProblem | undefined {
  for (const key of OPTIONAL_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    const invalid = identifierProblem(value, `meta.${key}`);
    if (invalid !== undefined) return invalid;
    normalised[key] = value;
  }
  return undefined;
}
