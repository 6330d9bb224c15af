import type { RecordedEvent } from "@handover/core";

/** The columns of the stores' events table that a raw insert fills, in `rowOf`'s order. */
export const ROW_COLUMNS = "position, stream_id, version, event_id, type, schema_version, data, meta, occurred_at, recorded_at, command_id, prev_hash, hash";

/** The values of one events-table row, in `ROW_COLUMNS` order: what the stores write for a recorded event. */
export function rowOf(event: RecordedEvent): (string | number | null)[] {
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

/** An events-table row as a driver returns it (PostgreSQL returns `bigint` positions as strings). */
export interface EventRow {
  readonly position: number | string;
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

/** A row turned back into a recorded event the plain way (two `JSON.parse`, no checks): what a raw select hands an application. */
export function eventOfRow(row: EventRow): RecordedEvent {
  return {
    position: Number(row.position),
    streamId: row.stream_id,
    version: row.version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as unknown,
    meta: JSON.parse(row.meta) as RecordedEvent["meta"],
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  } as RecordedEvent;
}
