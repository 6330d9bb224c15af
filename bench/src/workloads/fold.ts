import { fold } from "@handover/core";
import { freeze } from "immer";
import { generateEvents } from "../generate/streams.js";
import { totalOf, type Size } from "../harness/size.js";
import { benchDecider, type BenchEvent, type BenchState } from "../process/index.js";
import { digestOf } from "./digest.js";
import { plainReduce } from "./plain-reduce.js";
import type { Variant, Workload } from "./types.js";

const eventsByStream = (size: Size, seed: number): BenchEvent[][] =>
  generateEvents(size, seed).map((stream) => stream.events.map(({ event }) => ({ type: event.type, data: event.data }) as BenchEvent));

const replayEach =
  (replay: (events: readonly BenchEvent[]) => BenchState, frozenInput: boolean): Variant["setup"] =>
  async (size, seed) => {
    const streams = eventsByStream(size, seed);
    if (frozenInput) freeze(streams, true);
    return async () => {
      const states = streams.map(replay);
      return { operations: totalOf(size), summarise: () => digestOf(states) };
    };
  };

const foldIncident = (events: readonly BenchEvent[]): BenchState => fold(benchDecider, events);

/** Issue 2: `fold` (recipe on a private copy, frozen once) against a plain mutable reduce of the same events. */
export const foldWorkload: Workload = {
  id: "fold",
  title: "fold: replay every stream from its events",
  unit: "events",
  fullSize: { streams: 10_000, perStream: 100 },
  variants: [
    { id: "handover", label: "Handover fold(), events as a store hands them out (frozen)", setup: replayEach(foldIncident, true) },
    { id: "handover-fresh", label: "Handover fold(), fresh events (fold freezes each event's data)", setup: replayEach(foldIncident, false) },
    { id: "floor", label: "plain mutable reduce", setup: replayEach(plainReduce, false) },
  ],
  comparisons: [
    { subject: "handover", baseline: "floor", atLeast: 0.7 },
    { subject: "handover-fresh", baseline: "floor", atLeast: 0.7 },
  ],
  absoluteTargets: [],
  note: "Each stream folded from the initial state. Stores hand out frozen events; fresh ones (parsed JSON) fold freezes first, so a recipe that keeps and later mutates an event's object cannot corrupt it.",
};
