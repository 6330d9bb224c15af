import type { RecordedEvent, StoredEventRow } from "@handover/core";

/** A row turned back into a recorded event the plain way (two `JSON.parse`, no checks): what a raw select hands an application. */
export function eventOfRow(row: StoredEventRow): RecordedEvent {
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
