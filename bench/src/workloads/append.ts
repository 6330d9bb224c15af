import { createInMemoryEventStore } from "@handover/core";
import { benchCatalogue } from "../process/index.js";
import { appendClockAndIds, appendEntries } from "./append-input.js";
import { chainIntoMap } from "./floor-chain.js";
import type { Variant, Workload } from "./types.js";

/** Handover's whole append path: one `appendToStream` per event with expected version, schema check, meta check, envelope, hash, store. */
export const handoverAppend: Variant = {
  id: "handover",
  label: "Handover in-memory appendToStream",
  setup: async (size, seed) => {
    const entries = appendEntries(size, seed);
    return async () => {
      const store = createInMemoryEventStore({ catalogue: benchCatalogue, ...appendClockAndIds() });
      for (const { streamId, version, event, meta } of entries) {
        const appended = await store.appendToStream(streamId, [event], { expectedVersion: version - 1, meta });
        if (appended._tag === "Left") throw new Error(appended.left.message);
      }
      const log = store.events();
      return { operations: entries.length, summarise: () => `${log.length} ${log[log.length - 1]?.hash ?? ""}` };
    };
  },
};

/** Issue 2: the in-memory store's append against a floor loop building the same chain into a Map. */
export const appendWorkload: Workload = {
  id: "append",
  title: "append: in-memory store vs envelope + hash chain into a Map",
  unit: "events",
  fullSize: { streams: 2_000, perStream: 100 },
  variants: [
    handoverAppend,
    {
      id: "floor",
      label: "floor: same envelopes + chain into a Map",
      setup: async (size, seed) => {
        const entries = appendEntries(size, seed);
        return async () => {
          const chain = chainIntoMap(entries);
          return { operations: chain.count, summarise: () => `${chain.count} ${chain.headHash}` };
        };
      },
    },
  ],
  comparisons: [{ subject: "handover", baseline: "floor", atLeast: 0.8 }],
  absoluteTargets: [],
  note: "One event per append, interleaved over the streams; both sides hash with core's hashEvent, so the ratio is the store's own overhead.",
};
