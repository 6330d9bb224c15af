import { getInMemoryEventStore } from "@event-driven-io/emmett";
import { createInMemoryEventStore, loadStream } from "@handover/core";
import { generateEvents } from "../generate/streams.js";
import { totalOf } from "../harness/size.js";
import { emmettDecider } from "../peers/emmett-decider.js";
import { benchCatalogue, benchDecider, type BenchState } from "../process/index.js";
import { appendClockAndIds } from "./append-input.js";
import { digestOf } from "./digest.js";
import { plainReduce } from "./plain-reduce.js";
import type { Workload } from "./types.js";

/** Issue 9 W2: rehydrate every stream of W1 from the store, against a plain reduce and Emmett's `aggregateStream`. */
export const w2Workload: Workload = {
  id: "w2",
  title: "W2 rehydrate every stream of W1",
  unit: "events",
  fullSize: { streams: 2_000, perStream: 100 },
  variants: [
    {
      id: "handover",
      label: "Handover loadStream (readStream + fold)",
      setup: async (size, seed) => {
        const streams = generateEvents(size, seed);
        const store = createInMemoryEventStore({ catalogue: benchCatalogue, ...appendClockAndIds() });
        for (const { streamId, events } of streams) {
          const appended = await store.appendToStream(streamId, events.map(({ event, meta }) => ({ ...event, meta })), { expectedVersion: 0 });
          if (appended._tag === "Left") throw new Error(appended.left.message);
        }
        return async () => {
          const states: BenchState[] = [];
          for (const { streamId } of streams) states.push((await loadStream(store, benchDecider, streamId)).state);
          return { operations: totalOf(size), summarise: () => digestOf(states) };
        };
      },
    },
    {
      id: "floor",
      label: "plain reduce of each stream's array",
      setup: async (size, seed) => {
        const streams = generateEvents(size, seed).map((stream) => stream.events.map(({ event }) => event));
        return async () => {
          const states = streams.map(plainReduce);
          return { operations: totalOf(size), summarise: () => digestOf(states) };
        };
      },
    },
    {
      id: "emmett",
      label: "Emmett 0.42.0 aggregateStream",
      setup: async (size, seed) => {
        const streams = generateEvents(size, seed);
        const store = getInMemoryEventStore();
        for (const { streamId, events } of streams) await store.appendToStream(streamId, events.map(({ event }) => event));
        return async () => {
          const states: BenchState[] = [];
          for (const { streamId } of streams) states.push((await store.aggregateStream(streamId, emmettDecider)).state);
          return { operations: totalOf(size), summarise: () => digestOf(states) };
        };
      },
    },
  ],
  comparisons: [
    { subject: "handover", baseline: "floor", atLeast: 0.7 },
    { subject: "handover", baseline: "emmett" },
  ],
  absoluteTargets: [],
  note: "The stores are filled untimed (one batch per stream); the timed part reads and folds every stream.",
};
