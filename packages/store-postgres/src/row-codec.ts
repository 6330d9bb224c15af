import { decodeStoredEvent, type EventCatalogue, type RecordedEvent } from "@handover/core";

/** The columns of the events table that make up a recorded event (bigints arrive as strings). */
export interface EventRow {
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

/** The columns to select for `rowToEvent`. */
export const EVENT_COLUMNS = "position, stream_id, version, event_id, type, schema_version, data, meta, recorded_at, prev_hash, hash";

/** The event columns in insert order, for INSERT and COPY. */
export const INSERT_COLUMNS = "position, stream_id, version, event_id, type, schema_version, data, meta, occurred_at, recorded_at, command_id, prev_hash, hash";

/** The values to insert for one event, in the order of `INSERT_COLUMNS`. */
export function eventToRow(event: RecordedEvent): readonly [number, string, number, string, string, number, string, string, string, string, string | null, string, string] {
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

/**
 * Turns a stored row back into the recorded event, as stored (the form its hash covers);
 * core's `decodeStoredEvent` checks it and names the position of a row that does not parse.
 */
export function rowToEvent(row: EventRow, catalogue: EventCatalogue | undefined): RecordedEvent {
  return decodeStoredEvent(
    {
      position: Number(row.position),
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
