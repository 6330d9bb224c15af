import { mutableCopy } from "@handover/core";
import type { Draft } from "immer";
import { benchDecider, type BenchEvent, type BenchState } from "../process/index.js";

/** The floor of every replay: the decider's recipe applied to a plain mutable object, no immer, no freezing. */
export function plainReduce(events: readonly BenchEvent[]): BenchState {
  const state = mutableCopy(benchDecider.initialState) as Draft<BenchState>;
  for (let index = 0; index < events.length; index++) benchDecider.evolve(state, events[index] as BenchEvent);
  return state as BenchState;
}
