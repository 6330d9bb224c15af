import type { EventCatalogue } from "./catalogue.js";
import { canonicalJson, CanonicalJsonError } from "./canonical-json.js";
import { rememberEnvelopeParts, writeParts } from "./canonical-line.js";
import { describeNonCanonical } from "./non-canonical.js";
import type { RecordedEvent } from "./envelope.js";
import { LogError } from "./errors.js";
import { checkRecordedEnvelope } from "./recorded-codec.js";
import { decodeRecorded } from "./upcast.js";

/**
 * A recorded event as a SQL store's events table keeps it: the envelope's columns, data and
 * meta as JSON text (a bigint position may arrive as a string). Every durable store uses this layout.
 */
export interface StoredEventRow {
  readonly position: string | number;
  readonly stream_id: string;
  readonly version: number;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly meta: string;
  readonly recorded_at: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The columns to select for `decodeStoredEvent`, in table order. */
export const STORED_EVENT_COLUMNS = "position, stream_id, version, event_id, type, schema_version, data, meta, recorded_at, prev_hash, hash";

/** The columns a store inserts for one event, in the order of `storedEventValues`: the selected ones plus the indexed copies of meta's occurredAt and commandId. */
export const STORED_EVENT_INSERT_COLUMNS = "position, stream_id, version, event_id, type, schema_version, data, meta, occurred_at, recorded_at, command_id, prev_hash, hash";

/** The values of one events-table row, in the order of `STORED_EVENT_INSERT_COLUMNS`. */
export type StoredEventValues = readonly [number, string, number, string, string, number, string, string, string, string, string | null, string, string];

/** The values a store inserts for one recorded event, in the order of `STORED_EVENT_INSERT_COLUMNS`; data and meta as canonical JSON (RFC 8785), the only text `decodeStoredEvent` accepts. */
export function storedEventValues(event: RecordedEvent): StoredEventValues {
  return [
    event.position,
    event.streamId,
    event.version,
    event.eventId,
    event.type,
    event.schemaVersion,
    canonicalJson(event.data),
    canonicalJson(event.meta),
    event.meta.occurredAt,
    event.recordedAt,
    event.meta.commandId ?? null,
    event.prevHash,
    event.hash,
  ];
}

/**
 * Turns a stored row back into the recorded event, as stored (the form its hash covers).
 * A row that is not valid JSON, whose data or meta text is not canonical JSON (RFC 8785:
 * what was hashed is exactly what is stored), that is not a recorded event, or (with a
 * catalogue) whose data does not decode, is a `LogError` naming the position: one rule
 * for every durable store.
 *
 * `checked` says the store already checked this row (envelope, canonical text and data)
 * under this very catalogue (see `catalogueFingerprint`): a row stored at the catalogue's
 * schema version is then parsed and nothing is checked a second time (a row edited outside
 * the store after its check is found by verifying the chain, not by reading it); a row of
 * an older schema version is checked and its data lifted. Its canonical text is then not reused for hashing, so a verification of the
 * chain writes the canonical form of what the reader sees and compares hashes over that.
 */
export function decodeStoredEvent(row: StoredEventRow, catalogue: EventCatalogue | undefined, checked = false): RecordedEvent {
  const position = Number(row.position);
  const trusted = checked && catalogue !== undefined && catalogue.schemaVersionOf(row.type) === row.schema_version;
  const candidate = {
    position,
    streamId: row.stream_id,
    version: row.version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: parseColumn(row.data, "data", position),
    meta: parseColumn(row.meta, "meta", position),
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
  // A row the store checked under this catalogue (envelope, canonical text, data) is trusted whole: checking it again finds what it found.
  if (trusted) return candidate as RecordedEvent;
  const event = checkRecordedEnvelope(candidate);
  if (typeof event === "string") {
    throw new LogError("invalid_envelope", `stored event at position ${position} does not parse: ${event}`, { position });
  }
  checkCanonicalColumn(row.data, event.data, "data", position);
  checkCanonicalColumn(row.meta, event.meta, "meta", position);
  rememberEnvelopeParts(event, writeParts(event, row.data, row.meta));
  if (catalogue !== undefined) decodeRecorded(catalogue, event);
  return event;
}

/** Refuses a stored data or meta text that is not the canonical JSON of its value (other spacing, key order, escapes, duplicate keys, number spellings). */
function checkCanonicalColumn(text: string, value: unknown, column: "data" | "meta", position: number): void {
  let canonical: string;
  try {
    canonical = canonicalJson(value);
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    throw new LogError(error.problem === "not_json" ? "invalid_envelope" : error.problem, `stored event at position ${position}: ${error.message.replace("canonicalJson: $", column)}`, { position });
  }
  if (canonical === text) return;
  const { column: at, reason } = describeNonCanonical(text, canonical);
  throw new LogError("non_canonical_stored", `stored event at position ${position}: ${column} is not stored in its canonical form (character ${at}: ${reason}); the store's text was edited outside the store`, { position });
}

function parseColumn(text: string, column: "data" | "meta", position: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LogError("invalid_json", `stored event at position ${position} does not parse: ${column} is not valid JSON (${reason})`, { position });
  }
}

/** Parses a snapshot's state as a store keeps it (JSON text); text that does not parse is a `LogError` naming the stream. */
export function decodeStoredSnapshotState(streamId: string, state: string): unknown {
  try {
    return JSON.parse(state);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LogError("invalid_snapshot", `stored snapshot of stream ${streamId} is not valid JSON (${reason})`);
  }
}
