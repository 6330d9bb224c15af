import { MerkleFrontier, readJsonl, toHex } from "@handover/core";
import { handoverView } from "@handover/projections";
import { openSqliteSpillStore } from "@handover/store-sqlite";
import { ensureItilLog } from "../generate/itil/log-file.js";
import { PROJECT_ID } from "../generate/itil/world.js";
import { floorReadiness } from "./w3/floor-readiness.js";
import { replayIntoFloor } from "./w3/floor-read.js";
import { handoverViewDigest, itilDigest } from "./w3/summary.js";
import { verifiedEvents } from "./w3/verified-read.js";
import { withHeapLimit } from "./heap-limit.js";
import type { Variant, Workload } from "./types.js";

/** Handover's view with its finished work items spilled to a temporary SQLite file (`handoverView`'s `spill`). */
const spilledView: Variant = {
  id: "handover-spill",
  label: "Handover handoverView(readJsonl(file), { spill }): finished work items spilled to SQLite (openSqliteSpillStore)",
  setup: async (size, seed) => {
    const path = ensureItilLog(size, seed);
    return async () => {
      const spill = openSqliteSpillStore();
      try {
        const view = await handoverView(readJsonl(path), PROJECT_ID, { spill });
        return { operations: view.cmdb.position, summarise: () => handoverViewDigest(view) };
      } finally {
        spill.close();
      }
    };
  },
};

/** Issue 9 W3 / issue 6: a 1,000,000-event JSONL log of every process → CMDB + readiness, against parse + mutable apply. */
export const w3Workload: Workload = {
  id: "w3",
  title: "W3 audit replay: JSONL log of every process → CMDB + readiness",
  unit: "events",
  fullSize: { streams: 10_000, perStream: 100 },
  variants: [
    {
      id: "handover",
      label: "Handover handoverView(readJsonl(file)): CMDB + readiness, streaming",
      setup: async (size, seed) => {
        const path = ensureItilLog(size, seed);
        return async () => {
          const view = await handoverView(readJsonl(path), PROJECT_ID);
          return { operations: view.cmdb.position, summarise: () => handoverViewDigest(view) };
        };
      },
    },
    {
      id: "verified",
      label: "Handover handoverView(verified read): each event's chain link checked as it is read, as the CLI reads a log",
      setup: async (size, seed) => {
        const path = ensureItilLog(size, seed);
        return async () => {
          const view = await handoverView(verifiedEvents(readJsonl(path)), PROJECT_ID);
          return { operations: view.cmdb.position, summarise: () => handoverViewDigest(view) };
        };
      },
    },
    {
      id: "verified-tree",
      label: "the same verified read growing the log's Merkle tree (RFC 9162) as it goes, root taken at the end: what the tree adds",
      setup: async (size, seed) => {
        const path = ensureItilLog(size, seed);
        return async () => {
          const tree = new MerkleFrontier();
          const view = await handoverView(verifiedEvents(readJsonl(path), tree), PROJECT_ID);
          const root = toHex(tree.root());
          return { operations: view.cmdb.position, summarise: () => (root.length === 64 && tree.size === view.cmdb.position ? handoverViewDigest(view) : `tree of ${tree.size} events, root ${root}`) };
        };
      },
    },
    withHeapLimit(spilledView),
    {
      id: "floor",
      label: "floor: stream lines + JSON.parse + apply to plain mutable maps, readiness scanned at the end",
      setup: async (size, seed) => {
        const path = ensureItilLog(size, seed);
        return async () => {
          const { state, count } = await replayIntoFloor(path);
          const { ready, checks } = floorReadiness(state, PROJECT_ID);
          return { operations: count, summarise: () => itilDigest(state.position, state.cis.values(), ready, checks) };
        };
      },
    },
  ],
  comparisons: [
    { subject: "handover", baseline: "floor", atLeast: 0.7 },
    { subject: "verified", baseline: "handover" },
    // Issue 14: the tree adds at most 10% to the audit replay (1 / 1.1 of the verified read's throughput).
    { subject: "verified-tree", baseline: "verified", atLeast: 0.91 },
    { subject: "handover-spill-1g", baseline: "handover" },
  ],
  absoluteTargets: [],
  memoryTargets: [
    { variant: "handover", atMostMb: 256 },
    { variant: "handover-spill-1g", atMostMb: 256 },
  ],
  note: "The log (streams = CIs, streams × per stream = events; one project, incidents, changes, problems, releases side by side) is generated once per size and seed into a temporary file, in a separate process; every variant streams it from disk. handover-spill-1g spills finished work items to a temporary SQLite file and runs with Node's heap limited to 1 GiB (NODE_OPTIONS=--max-old-space-size=1024), which lowers the headroom V8 keeps above the live heap.",
};
