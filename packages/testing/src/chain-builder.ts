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
  return continueChainedLog([], entries, recordedAt);
}

/** Builds the events that continue a log (positions, stream versions and hashes after its last event), from entries in order. */
export function continueChainedLog(before: readonly RecordedEvent[], entries: readonly LogEntry[], recordedAt = "2026-01-01T00:00:00.000Z"): RecordedEvent[] {
  const versions = new Map<string, number>();
  for (const event of before) versions.set(event.streamId, event.version);
  const log: RecordedEvent[] = [];
  let prevHash = before[before.length - 1]?.hash ?? GENESIS_HASH;
  const offset = before.length;
  entries.forEach((entry, at) => {
    const index = offset + at;
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
