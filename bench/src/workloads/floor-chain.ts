import { GENESIS_HASH, hashEvent, type RecordedEvent } from "@handover/core";
import type { AppendEntry } from "./append-input.js";
import { appendClockAndIds } from "./append-input.js";

/** What the floor built: the streams and the head of its chain. */
export interface FloorChain {
  readonly streams: Map<string, RecordedEvent[]>;
  readonly headHash: string;
  readonly count: number;
}

/**
 * The append floor: builds the same envelopes and hash chain as the store (core's
 * `hashEvent`) and pushes them into a Map of arrays. No schema check, no meta check,
 * no freezing, no concurrency check, no idempotency index.
 */
export function chainIntoMap(entries: readonly AppendEntry[]): FloorChain {
  const { clock, ids } = appendClockAndIds();
  const streams = new Map<string, RecordedEvent[]>();
  let prevHash = GENESIS_HASH;
  for (let index = 0; index < entries.length; index++) {
    const { streamId, version, event, meta } = entries[index] as AppendEntry;
    const unhashed = { position: index + 1, streamId, version, eventId: ids(), type: event.type, schemaVersion: 1, data: event.data, meta, recordedAt: clock(), prevHash };
    const hash = hashEvent(unhashed);
    let stream = streams.get(streamId);
    if (stream === undefined) streams.set(streamId, (stream = []));
    stream.push({ ...unhashed, hash } as RecordedEvent);
    prevHash = hash;
  }
  return { streams, headHash: prevHash, count: entries.length };
}
