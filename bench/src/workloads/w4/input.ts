import { readJsonl, type RecordedEvent } from "@handover/core";
import { applyToCmdb, cmdbAsOf, createCmdbState, snapshotCmdb, type Cmdb, type CmdbSnapshot } from "@handover/projections";
import { ensureItilLog } from "../../generate/itil/log-file.js";
import type { Size } from "../../harness/size.js";
import { itilDigest } from "../w3/summary.js";
import type { Trial, Variant } from "../types.js";

/** Queries per timed trial of W4, the same for every variant (a full replay takes a second or more). */
export const QUERIES = 10;
/** Queries per timed trial of W4 from stored snapshots: each takes milliseconds, so ten would time a window too short to be steady (one collection, a cold path). */
export const STORED_QUERIES = 100;
/** Snapshots every 10,000 events; a query at the end lands on average halfway between two: 5,000 events after the latest. */
export const SNAPSHOT_EVERY = 10_000;
export const TAIL = SNAPSHOT_EVERY / 2;

/** W3's log read into memory as a store would hand it out (untimed), with the time of its last event. */
export async function loadLog(size: Size, seed: number): Promise<{ events: RecordedEvent[]; asOf: string }> {
  const events: RecordedEvent[] = [];
  for await (const event of readJsonl(ensureItilLog(size, seed))) events.push(event);
  return { events, asOf: events[events.length - 1]?.meta.occurredAt ?? "2025-01-01T00:00:00.000Z" };
}

/** Where the latest snapshot before the end stands: `tail` events before it (a quarter of a tiny log). */
export function latestSnapshotAt(length: number, tail: number = TAIL): number {
  return length - Math.min(tail, Math.floor(length / 4));
}

/** A trial of `count` queries, digesting the last answer (untimed) as every variant does. */
export function queries(count: number, query: () => Cmdb | Promise<Cmdb>): Trial {
  return async () => {
    let cmdb: Cmdb | undefined;
    for (let done = 0; done < count; done++) cmdb = await query();
    const last = cmdb;
    return { operations: count, summarise: () => (last === undefined ? "none" : itilDigest(last.position, last.cis, null, [])) };
  };
}

/** The latest snapshot before the end, `tail` events before it: the CMDB state of every event but those (a quarter of a tiny log), and the events after it. */
export async function snapshotAndTail(size: Size, seed: number, tail: number = TAIL): Promise<{ snapshot: CmdbSnapshot; tail: RecordedEvent[]; asOf: string }> {
  const { events, asOf } = await loadLog(size, seed);
  const at = latestSnapshotAt(events.length, tail);
  const state = createCmdbState();
  for (let index = 0; index < at; index++) applyToCmdb(state, events[index] as RecordedEvent);
  return { snapshot: snapshotCmdb(state), tail: events.slice(at), asOf };
}

/** The CMDB as of the end from an in-memory snapshot `tail` events before it. */
export function fromMemorySnapshot(id: string, tail: number, count: number): Variant {
  return {
    id,
    label: `Handover cmdbAsOf(tail, { snapshot }): in-memory snapshot + the last ${tail.toLocaleString("en-US")} events`,
    setup: async (size, seed) => {
      const { snapshot, tail: after, asOf } = await snapshotAndTail(size, seed, tail);
      return queries(count, () => cmdbAsOf(after, { asOf, snapshot }));
    },
  };
}
