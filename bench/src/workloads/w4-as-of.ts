import { cmdbAsOf, type CmdbSnapshot } from "@handover/projections";
import type { Variant, Workload } from "./types.js";
import { fromMemorySnapshot, loadLog, queries, QUERIES, snapshotAndTail, TAIL } from "./w4/input.js";

const fromSnapshot = fromMemorySnapshot("snapshot", TAIL, QUERIES);

const fromStoredSnapshot: Variant = {
  id: "snapshot-json",
  label: `Handover cmdbAsOf(tail, { snapshot: JSON.parse(stored) }): snapshot read back from its JSON + the last ${TAIL.toLocaleString("en-US")} events`,
  setup: async (size, seed) => {
    const { snapshot, tail, asOf } = await snapshotAndTail(size, seed);
    const stored = JSON.stringify(snapshot);
    return queries(QUERIES, () => cmdbAsOf(tail, { asOf, snapshot: JSON.parse(stored) as CmdbSnapshot }));
  },
};

const fullReplay: Variant = {
  id: "replay",
  label: "Handover cmdbAsOf(log): full replay of the log held in memory",
  setup: async (size, seed) => {
    const { events, asOf } = await loadLog(size, seed);
    return queries(QUERIES, () => cmdbAsOf(events, { asOf }));
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
  note: `Each trial runs ${QUERIES} queries "as of" the last event's time; the log (W3's) is read into memory untimed, as a store would hand it out; ≤ 10 ms per query is ≥ 100 queries/s. Snapshots kept in a database are W4-stored.`,
};
