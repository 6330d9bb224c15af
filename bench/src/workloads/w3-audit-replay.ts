import { readJsonl } from "@handover/core";
import { handoverView } from "@handover/projections";
import { ensureItilLog } from "../generate/itil/log-file.js";
import { PROJECT_ID } from "../generate/itil/world.js";
import { floorReadiness } from "./w3/floor-readiness.js";
import { replayIntoFloor } from "./w3/floor-read.js";
import { handoverViewDigest, itilDigest } from "./w3/summary.js";
import type { Workload } from "./types.js";

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
  comparisons: [{ subject: "handover", baseline: "floor", atLeast: 0.7 }],
  absoluteTargets: [],
  memoryTargets: [{ variant: "handover", atMostMb: 256 }],
  note: "The log (streams = CIs, streams × per stream = events; one project, incidents, changes, problems, releases side by side) is generated once per size and seed into a temporary file, in a separate process; both variants stream it from disk.",
};
