import { fold } from "@handover/core";
import { generateEvents } from "../generate/streams.js";
import { totalOf } from "../harness/size.js";
import { benchDecider, type BenchEvent, type BenchState } from "../process/index.js";
import { digestOf } from "./digest.js";
import { plainReduce } from "./plain-reduce.js";
import type { Variant, Workload } from "./types.js";

const eventsByStream = (size: Parameters<Variant["setup"]>[0], seed: number): BenchEvent[][] =>
  generateEvents(size, seed).map((stream) => stream.events.map(({ event }) => ({ type: event.type, data: event.data }) as BenchEvent));

const replayEach = (replay: (events: readonly BenchEvent[]) => BenchState): Variant["setup"] => async (size, seed) => {
  const streams = eventsByStream(size, seed);
  return async () => {
    const states = streams.map(replay);
    return { operations: totalOf(size), summarise: () => digestOf(states) };
  };
};

/** Issue 2: `fold` (recipe on a private copy, frozen once) against a plain mutable reduce of the same events. */
export const foldWorkload: Workload = {
  id: "fold",
  title: "fold: replay every stream from its events",
  unit: "events",
  fullSize: { streams: 10_000, perStream: 100 },
  variants: [
    { id: "handover", label: "Handover fold()", setup: replayEach((events) => fold(benchDecider, events)) },
    { id: "floor", label: "plain mutable reduce", setup: replayEach(plainReduce) },
  ],
  ratioTargets: [{ baseline: "floor", atLeast: 0.7 }],
  absoluteTargets: [],
  note: "Each stream folded from the initial state; fold freezes event data and the result, the floor does neither.",
};
