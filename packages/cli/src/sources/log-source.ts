import type { ChainHead, EventStore, RecordedEvent } from "@handover/core";
import type { SourceSpec } from "./source-spec.js";

/** A log opened for reading, as stored (the chain is verified by whoever reads it: see `readVerified`). */
export interface LogSource {
  readonly spec: SourceSpec;
  /** The head a store records beside its events; undefined for a JSONL file, whose last line is its head. */
  readonly storedHead: ChainHead | undefined;
  /** The events in position order, as stored (the form the hashes cover). */
  stored(): AsyncIterable<RecordedEvent>;
  /** The store behind the source, for what it keeps beside the events (its Merkle tree); undefined for a JSONL file. */
  readonly store?: EventStore;
  /** How many events a full read yields (a JSONL file's lines are counted, so ask only when it matters). */
  size(): Promise<number>;
  close(): Promise<void>;
}

/** A source over an opened store: its recorded head, its events, and closing it (with whatever else `close` ends). */
export async function storeSource(spec: SourceSpec, store: EventStore, close: () => Promise<void>): Promise<LogSource> {
  const storedHead = await store.head();
  return { spec, storedHead, store, stored: () => store.readAll(), size: async () => storedHead.position, close };
}
