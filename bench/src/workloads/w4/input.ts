import { readJsonl, type RecordedEvent } from "@handover/core";
import type { Cmdb } from "@handover/projections";
import { ensureItilLog } from "../../generate/itil/log-file.js";
import type { Size } from "../../harness/size.js";
import { itilDigest } from "../w3/summary.js";
import type { Trial } from "../types.js";

/** Queries per timed trial, the same for every variant. */
export const QUERIES = 10;
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

/** A trial of `QUERIES` queries, digesting the last answer (untimed) as every variant does. */
export function queries(query: () => Cmdb | Promise<Cmdb>): Trial {
  return async () => {
    let cmdb: Cmdb | undefined;
    for (let count = 0; count < QUERIES; count++) cmdb = await query();
    const last = cmdb;
    return { operations: QUERIES, summarise: () => (last === undefined ? "none" : itilDigest(last.position, last.cis, null, [])) };
  };
}
