import { GENESIS_HASH, hashEvent, type EventMeta, type RecordedEvent } from "@handover/core";

/** An event to put in a test log: the stream, the event, and its meta. */
export interface LogEntry {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly meta: EventMeta;
  readonly recordedAt?: string;
  readonly schemaVersion?: number;
}

/** Builds a valid hash-chained log from entries in order (positions, versions, ids, hashes). */
export function buildChainedLog(entries: readonly LogEntry[], recordedAt = "2026-01-01T00:00:00.000Z"): RecordedEvent[] {
  const versions = new Map<string, number>();
  const log: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  entries.forEach((entry, index) => {
    const version = (versions.get(entry.streamId) ?? 0) + 1;
    versions.set(entry.streamId, version);
    const unhashed = {
      position: index + 1,
      streamId: entry.streamId,
      version,
      eventId: `event-${index + 1}`,
      type: entry.type,
      schemaVersion: entry.schemaVersion ?? 1,
      data: entry.data,
      meta: entry.meta,
      recordedAt: entry.recordedAt ?? recordedAt,
      prevHash,
    };
    const hash = hashEvent(unhashed);
    log.push({ ...unhashed, hash } as RecordedEvent);
    prevHash = hash;
  });
  return log;
}
