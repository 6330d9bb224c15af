import type { EventCatalogue } from "./catalogue.js";
import type { RecordedEvent } from "./envelope.js";
import { LogError } from "./errors.js";
import { checkRecordedEnvelope } from "./recorded-codec.js";
import { decodeRecorded } from "./upcast.js";

/** A recorded event as a database keeps it: the envelope's columns, with data and meta as JSON text. */
export interface StoredEventColumns {
  readonly position: number;
  readonly streamId: string;
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly meta: string;
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Turns stored columns back into the recorded event, as stored (the form its hash covers).
 * Columns that are not valid JSON or not a recorded event, or (with a catalogue) data that
 * does not decode, are a `LogError` naming the position: one rule for every durable store.
 */
export function decodeStoredEvent(columns: StoredEventColumns, catalogue: EventCatalogue | undefined): RecordedEvent {
  const { position } = columns;
  const candidate = {
    position,
    streamId: columns.streamId,
    version: columns.version,
    eventId: columns.eventId,
    type: columns.type,
    schemaVersion: columns.schemaVersion,
    data: parseColumn(columns.data, "data", position),
    meta: parseColumn(columns.meta, "meta", position),
    recordedAt: columns.recordedAt,
    prevHash: columns.prevHash,
    hash: columns.hash,
  };
  const checked = checkRecordedEnvelope(candidate);
  if (typeof checked === "string") {
    throw new LogError("invalid_envelope", `stored event at position ${position} does not parse: ${checked}`, { position });
  }
  if (catalogue !== undefined) decodeRecorded(catalogue, checked);
  return checked;
}

function parseColumn(text: string, column: "data" | "meta", position: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LogError("invalid_json", `stored event at position ${position} does not parse: ${column} is not valid JSON (${reason})`, { position });
  }
}
