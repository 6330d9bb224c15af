import { GENESIS_HASH, hashEvent, type RecordedEvent } from "@handover/core";
import type { Size } from "../../harness/size.js";
import { appendClockAndIds, appendEntries, type AppendEntry } from "../append-input.js";
import { digestOf } from "../digest.js";

/** What every W5 variant appends or reads: the commands in log order, and the recorded log the store makes of them. */
export interface StoreInput {
  readonly entries: readonly AppendEntry[];
  /** The same events as Handover's store records them (same clock and ids, so the same hashes): what the raw drivers insert. */
  readonly log: readonly RecordedEvent[];
  readonly streamIds: readonly string[];
}

/** W1's events, one per command, interleaved over the streams; and the hash-chained log of them. */
export function storeInput(size: Size, seed: number): StoreInput {
  const entries = appendEntries(size, seed);
  const { clock, ids } = appendClockAndIds();
  const log: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  entries.forEach(({ streamId, version, event, meta }, index) => {
    const unhashed = { position: index + 1, streamId, version, eventId: ids(), type: event.type, schemaVersion: 1, data: event.data, meta, recordedAt: clock(), prevHash };
    prevHash = hashEvent(unhashed);
    log.push({ ...unhashed, hash: prevHash } as RecordedEvent);
  });
  return { entries, log, streamIds: [...new Set(entries.map((entry) => entry.streamId))] };
}

/** An event as read back from any store: its type and data. */
export interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
}

/** The digest every W5 variant agrees on: the events of every stream, in stream order, read back after the trial. */
export function storedDigest(streams: readonly (readonly StoredEvent[])[]): string {
  const total = streams.reduce((sum, events) => sum + events.length, 0);
  return `${total} ${digestOf(streams.map((events) => events.map((event) => [event.type, event.data])))}`;
}

/** Each stream's events in stream order, for a peer that writes a stream at a time. */
export function eventsByStream(entries: readonly AppendEntry[]): Map<string, AppendEntry["event"][]> {
  const byStream = new Map<string, AppendEntry["event"][]>();
  for (const { streamId, event } of entries) {
    let events = byStream.get(streamId);
    if (events === undefined) byStream.set(streamId, (events = []));
    events.push(event);
  }
  return byStream;
}
