import { readJsonl, type RecordedEvent } from "@handover/core";
import { applyToCmdb, cmdbAsOf, createCmdbState, snapshotCmdb, type Cmdb, type CmdbSnapshot } from "@handover/projections";
import { ensureItilLog } from "../generate/itil/log-file.js";
import type { Size } from "../harness/size.js";
import { itilDigest } from "./w3/summary.js";
import type { Trial, Variant, Workload } from "./types.js";

/** Queries per timed trial, the same for every variant. */
const QUERIES = 10;
/** Snapshots every 10,000 events; a query at the end lands on average halfway between two: 5,000 events after the latest. */
const TAIL = 5_000;

/** W3's log read into memory as a store would hand it out (untimed), with the time of its last event. */
async function loadLog(size: Size, seed: number): Promise<{ events: RecordedEvent[]; asOf: string }> {
  const events: RecordedEvent[] = [];
  for await (const event of readJsonl(ensureItilLog(size, seed))) events.push(event);
  return { events, asOf: events[events.length - 1]?.meta.occurredAt ?? "2025-01-01T00:00:00.000Z" };
}

/** The latest snapshot before the end: the CMDB state of every event but the last `TAIL` (a quarter of a tiny log), and the events after it. */
async function snapshotAndTail(size: Size, seed: number): Promise<{ snapshot: CmdbSnapshot; tail: RecordedEvent[]; asOf: string }> {
  const { events, asOf } = await loadLog(size, seed);
  const at = events.length - Math.min(TAIL, Math.floor(events.length / 4));
  const state = createCmdbState();
  for (let index = 0; index < at; index++) applyToCmdb(state, events[index] as RecordedEvent);
  return { snapshot: snapshotCmdb(state), tail: events.slice(at), asOf };
}

function queries(query: () => Cmdb): Trial {
  return async () => {
    let cmdb: Cmdb | undefined;
    for (let count = 0; count < QUERIES; count++) cmdb = query();
    const last = cmdb;
    return { operations: QUERIES, summarise: () => (last === undefined ? "none" : itilDigest(last.position, last.cis, null, [])) };
  };
}

const fromSnapshot: Variant = {
  id: "snapshot",
  label: `Handover cmdbAsOf(tail, { snapshot }): in-memory snapshot + the last ${TAIL.toLocaleString("en-US")} events`,
  setup: async (size, seed) => {
    const { snapshot, tail, asOf } = await snapshotAndTail(size, seed);
    return queries(() => cmdbAsOf(tail, { asOf, snapshot }));
  },
};

const fromStoredSnapshot: Variant = {
  id: "snapshot-json",
  label: `Handover cmdbAsOf(tail, { snapshot: JSON.parse(stored) }): snapshot read back from its JSON + the last ${TAIL.toLocaleString("en-US")} events`,
  setup: async (size, seed) => {
    const { snapshot, tail, asOf } = await snapshotAndTail(size, seed);
    const stored = JSON.stringify(snapshot);
    return queries(() => cmdbAsOf(tail, { asOf, snapshot: JSON.parse(stored) as CmdbSnapshot }));
  },
};

const fullReplay: Variant = {
  id: "replay",
  label: "Handover cmdbAsOf(log): full replay of the log held in memory",
  setup: async (size, seed) => {
    const { events, asOf } = await loadLog(size, seed);
    return queries(() => cmdbAsOf(events, { asOf }));
  },
};

/** Issue 9 W4 / issue 6: the CMDB as of the end of W3's log, from the latest snapshot and by full replay. */
export const w4Workload: Workload = {
  id: "w4",
  title: "W4 as-of query (CMDB) at the end of W3's log, with and without snapshots",
  unit: "queries",
  fullSize: { streams: 10_000, perStream: 100 },
  variants: [fromSnapshot, fromStoredSnapshot, fullReplay],
  comparisons: [
    { subject: "snapshot", baseline: "replay" },
    { subject: "snapshot-json", baseline: "replay" },
  ],
  absoluteTargets: [
    { variant: "snapshot", atLeast: 100 },
    { variant: "snapshot-json", atLeast: 100 },
  ],
  operationsAt: () => QUERIES,
  note: `Each trial runs ${QUERIES} queries "as of" the last event's time; the log (W3's) is read into memory untimed, as a store would hand it out; ≤ 10 ms per query is ≥ 100 queries/s.`,
};
