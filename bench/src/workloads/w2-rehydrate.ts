import { getInMemoryEventStore } from "@event-driven-io/emmett";
import { createInMemoryEventStore, loadStream, type InMemoryEventStore } from "@handover/core";
import { generateEvents, type StreamEvents } from "../generate/streams.js";
import { totalOf } from "../harness/size.js";
import { emmettDecider } from "../peers/emmett-decider.js";
import { benchCatalogue, benchDecider, type BenchEvent, type BenchState } from "../process/index.js";
import { appendClockAndIds } from "./append-input.js";
import { digestOf } from "./digest.js";
import { plainReduce } from "./plain-reduce.js";
import type { Workload } from "./types.js";

/**
 * Every stream is rehydrated this many times per trial: one pass over W1's 200,000 events
 * takes 20 to 90 ms, too short a window for a steady figure (the floor's spread was 2x).
 */
const ROUNDS = 10;

/** W1's streams in a Handover store, one batch per stream (untimed). */
async function filledStore(streams: readonly StreamEvents[]): Promise<InMemoryEventStore> {
  const store = createInMemoryEventStore({ catalogue: benchCatalogue, ...appendClockAndIds() });
  for (const { streamId, events } of streams) {
    const appended = await store.appendToStream(streamId, events.map(({ event, meta }) => ({ ...event, meta })), { expectedVersion: 0 });
    if (appended._tag === "Left") throw new Error(appended.left.message);
  }
  return store;
}

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
        const store = await filledStore(streams);
        return async () => {
          let states: BenchState[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            states = [];
            for (const { streamId } of streams) states.push((await loadStream(store, benchDecider, streamId)).state);
          }
          return { operations: ROUNDS * totalOf(size), summarise: () => digestOf(states) };
        };
      },
    },
    {
      id: "floor",
      label: "plain reduce of the same recorded events, grouped per stream",
      setup: async (size, seed) => {
        const store = await filledStore(generateEvents(size, seed));
        const byStream = new Map<string, BenchEvent[]>();
        for (const event of store.events()) {
          let events = byStream.get(event.streamId);
          if (events === undefined) byStream.set(event.streamId, (events = []));
          events.push(event as unknown as BenchEvent);
        }
        const streams = [...byStream.values()];
        return async () => {
          let states: BenchState[] = [];
          for (let round = 0; round < ROUNDS; round++) states = streams.map(plainReduce);
          return { operations: ROUNDS * totalOf(size), summarise: () => digestOf(states) };
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
          let states: BenchState[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            states = [];
            for (const { streamId } of streams) states.push((await store.aggregateStream(streamId, emmettDecider)).state);
          }
          return { operations: ROUNDS * totalOf(size), summarise: () => digestOf(states) };
        };
      },
    },
  ],
  comparisons: [
    { subject: "handover", baseline: "floor", atLeast: 0.7 },
    { subject: "handover", baseline: "emmett" },
  ],
  absoluteTargets: [],
  operationsAt: (size) => ROUNDS * totalOf(size),
  note: `Each trial rehydrates every stream ${ROUNDS} times; stores filled untimed, one batch per stream; the floor reduces the very event objects Handover's store holds (same memory layout), grouped per stream in arrays.`,
};
