import { decodeStoredEvent, type EventCatalogue, type RecordedEvent } from "@handover/core";

/** The columns of the events table that make up a recorded event. */
export interface EventRow {
  readonly position: number;
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

/** The columns to select for `rowToEvent`, in table order. */
export const EVENT_COLUMNS = "position, stream_id, version, event_id, type, schema_version, data, meta, recorded_at, prev_hash, hash";

/** The values to insert for one recorded event, in the order of `INSERT_EVENT_SQL`'s columns. */
export function eventToRow(event: RecordedEvent): readonly (string | number | null)[] {
  return [
    event.position,
    event.streamId,
    event.version,
    event.eventId,
    event.type,
    event.schemaVersion,
    JSON.stringify(event.data),
    JSON.stringify(event.meta),
    event.meta.occurredAt,
    event.recordedAt,
    event.meta.commandId ?? null,
    event.prevHash,
    event.hash,
  ];
}

/** Inserts one event; the parameters come from `eventToRow`. */
export const INSERT_EVENT_SQL =
  "INSERT INTO events (position, stream_id, version, event_id, type, schema_version, data, meta, occurred_at, recorded_at, command_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/**
 * Turns a stored row back into the recorded event, as stored (the form its hash covers);
 * core's `decodeStoredEvent` checks it and names the position of a row that does not parse.
 */
export function rowToEvent(row: EventRow, catalogue: EventCatalogue | undefined): RecordedEvent {
  return decodeStoredEvent(
    {
      position: row.position,
      streamId: row.stream_id,
      version: row.version,
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      data: row.data,
      meta: row.meta,
      recordedAt: row.recorded_at,
      prevHash: row.prev_hash,
      hash: row.hash,
    },
    catalogue,
  );
}
