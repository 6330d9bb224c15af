import type { RecordedEvent } from "@handover/core";
import { applyToCmdb, cmdbAsOf, createCmdbState, snapshotCmdb, type CmdbSnapshot } from "@handover/projections";
import type { Size } from "../harness/size.js";
import type { Variant, Workload } from "./types.js";
import { latestSnapshotAt, loadLog, queries, QUERIES, SNAPSHOT_EVERY, TAIL } from "./w4/input.js";
import { fromPostgresSnapshot, fromSqliteSnapshot } from "./w4/stored-snapshot.js";

/** The latest snapshot before the end: the CMDB state of every event but the last `TAIL` (a quarter of a tiny log), and the events after it. */
async function snapshotAndTail(size: Size, seed: number): Promise<{ snapshot: CmdbSnapshot; tail: RecordedEvent[]; asOf: string }> {
  const { events, asOf } = await loadLog(size, seed);
  const at = latestSnapshotAt(events.length);
  const state = createCmdbState();
  for (let index = 0; index < at; index++) applyToCmdb(state, events[index] as RecordedEvent);
  return { snapshot: snapshotCmdb(state), tail: events.slice(at), asOf };
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
  variants: [fromSnapshot, fromStoredSnapshot, fromSqliteSnapshot("snapshot-sqlite", SNAPSHOT_EVERY / 10), fromSqliteSnapshot("snapshot-sqlite-10k", SNAPSHOT_EVERY), fromPostgresSnapshot("snapshot-postgres", SNAPSHOT_EVERY / 10), fullReplay],
  comparisons: [
    { subject: "snapshot", baseline: "replay" },
    { subject: "snapshot-json", baseline: "replay" },
    { subject: "snapshot-sqlite", baseline: "replay" },
    { subject: "snapshot-sqlite-10k", baseline: "replay" },
    { subject: "snapshot-postgres", baseline: "replay" },
  ],
  absoluteTargets: [
    { variant: "snapshot", atLeast: 100 },
    { variant: "snapshot-json", atLeast: 100 },
    { variant: "snapshot-sqlite", atLeast: 100 },
    { variant: "snapshot-postgres", atLeast: 100 },
  ],
  operationsAt: () => QUERIES,
  note: `Each trial runs ${QUERIES} queries "as of" the last event's time; the log (W3's) is read into memory untimed, as a store would hand it out; ≤ 10 ms per query is ≥ 100 queries/s. The SQLite variants find the latest stored snapshot that fits and read only the records the tail touches (the digest, untimed, reads them all); the tail replayed is half the snapshot interval, which SQLite's changed-records-only snapshots make cheap to shorten.`,
};
