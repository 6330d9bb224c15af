import { left, right, type Either } from "fp-ts/lib/Either.js";
import { describeValue } from "./describe-value.js";
import { identifierProblem, textProblem, type InputProblem } from "./input-rules.js";
import type { ReadModelRecord, ReadModelSnapshotWrite } from "./read-model-snapshots.js";
import { toUtcIso } from "./time.js";

/** Why a read-model snapshot could not be saved as given: the field (`changed[3].key`) and a sentence that starts with it. */
export interface InvalidReadModelSnapshot extends InputProblem {
  readonly kind: "invalid_snapshot";
  /** The snapshot's name, when it had a readable one. */
  readonly name: string | undefined;
}

type Problem = Either<InputProblem, never>;

const problem = (path: string, sentence: string): Problem => left({ path, message: `${path}: ${sentence}` });

/** A position a store can keep (PostgreSQL's bigint, SQLite's integer, exactly as a JavaScript number). */
function positionProblem(value: unknown, path: string): Problem | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : problem(path, `expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${describeValue(value)}`);
}

/** A snapshot's latest time: canonical UTC (what ranges are compared with as strings), or "" for a snapshot that holds no event. */
function timeProblem(value: unknown, path: string): Problem | undefined {
  if (value === "") return undefined;
  const canonical = toUtcIso(value);
  if (canonical._tag === "Right" && canonical.right === value) return undefined;
  const hint = canonical._tag === "Right" ? `write it in canonical UTC, ${canonical.right}` : canonical.left;
  return problem(path, `expected a time in canonical UTC (YYYY-MM-DDTHH:mm:ss.sssZ), or "" for a snapshot of no event; got ${describeValue(value)}: ${hint}`);
}

/** Text every store keeps exactly as given: a well-formed string without NUL (`isStorableText`, with the reason when it is not). */
function storableTextProblem(value: unknown, path: string, expected: string): Problem | undefined {
  if (typeof value !== "string") return problem(path, `expected ${expected}, got ${describeValue(value)}`);
  const malformed = textProblem(value, path);
  if (malformed !== undefined) return left(malformed);
  return value.includes("\u0000") ? problem(path, "holds a NUL character (\\u0000), which no store keeps as text") : undefined;
}

/** Text a store keeps and a reader parses back: storable, and JSON. */
function jsonTextProblem(value: unknown, path: string): Problem | undefined {
  const text = storableTextProblem(value, path, "JSON text");
  if (text !== undefined) return text;
  try {
    JSON.parse(value as string);
    return undefined;
  } catch (error) {
    return problem(path, `is not JSON text (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Checks one changed record and copies what a store writes of it. */
function checkRecord(value: unknown, path: string): Either<InputProblem, ReadModelRecord> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return problem(path, `expected a record { collection, key, ordinal, body }, got ${describeValue(value)}`);
  const { collection, key, ordinal, body } = value as Record<string, unknown>;
  // Collections and keys are the read model's own ids: any storable text, blank and control characters included.
  const wrong = storableTextProblem(collection, `${path}.collection`, "text") ?? storableTextProblem(key, `${path}.key`, "text") ?? positionProblem(ordinal, `${path}.ordinal`) ?? jsonTextProblem(body, `${path}.body`);
  return wrong ?? right({ collection: collection as string, key: key as string, ordinal: ordinal as number, body: body as string });
}

/** Checks the changed records: each well-formed, none twice (two versions of one record at one position would leave which one stands to the store). */
function checkChanged(value: unknown): Either<InputProblem, ReadModelRecord[]> {
  if (!Array.isArray(value)) return problem("changed", `expected a list of records, got ${describeValue(value)}`);
  const records: ReadModelRecord[] = [];
  const seen = new Map<string, Map<string, number>>();
  for (let index = 0; index < value.length; index++) {
    const checked = checkRecord(value[index], `changed[${index}]`);
    if (checked._tag === "Left") return checked;
    const { collection, key } = checked.right;
    let keys = seen.get(collection);
    if (keys === undefined) seen.set(collection, (keys = new Map()));
    const earlier = keys.get(key);
    if (earlier !== undefined) return problem(`changed[${index}]`, `record ${JSON.stringify(key)} of collection ${JSON.stringify(collection)} is already at changed[${earlier}]; a snapshot saves one version of each record`);
    keys.set(key, index);
    records.push(checked.right);
  }
  return right(records);
}

function checkWrite(value: unknown): Either<InputProblem, ReadModelSnapshotWrite> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return problem("snapshot", `expected { name, position, occurredUntil, recordedUntil, header, changed }, got ${describeValue(value)}`);
  const { name, position, occurredUntil, recordedUntil, header, changed } = value as Record<string, unknown>;
  const named = identifierProblem(name, "name");
  if (named !== undefined) return left(named);
  const wrong = positionProblem(position, "position") ?? timeProblem(occurredUntil, "occurredUntil") ?? timeProblem(recordedUntil, "recordedUntil") ?? jsonTextProblem(header, "header");
  if (wrong !== undefined) return wrong;
  const records = checkChanged(changed);
  if (records._tag === "Left") return records;
  return right({ name: name as string, position: position as number, occurredUntil: occurredUntil as string, recordedUntil: recordedUntil as string, header: header as string, changed: records.right });
}

/**
 * Checks a read-model snapshot before a store writes any of it, the same for every store:
 * the name holds to the id rule, the position is a whole number a store can keep, the
 * times are canonical UTC (or "" for a snapshot of no event), the header and every body
 * are JSON text, every collection and key is text a store keeps as given, and no record
 * comes twice. Answers a copy of what it checked (a getter read twice cannot change what is
 * written), or the first problem with its field path; never throws.
 */
export function checkReadModelSnapshotWrite(snapshot: unknown): Either<InvalidReadModelSnapshot, ReadModelSnapshotWrite> {
  let checked: Either<InputProblem, ReadModelSnapshotWrite>;
  try {
    checked = checkWrite(snapshot);
  } catch (error) {
    checked = problem("snapshot", `could not be read (${error instanceof Error ? error.message : "an unreadable value"})`);
  }
  if (checked._tag === "Right") return checked;
  return left({ kind: "invalid_snapshot", name: nameOf(snapshot), path: checked.left.path, message: `read-model snapshot: ${checked.left.message}` });
}

/** The snapshot's name for a refusal, when it is readable text. */
function nameOf(snapshot: unknown): string | undefined {
  try {
    const name: unknown = typeof snapshot === "object" && snapshot !== null ? (snapshot as { name?: unknown }).name : undefined;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}
