import { DeciderCommandHandler, getInMemoryEventStore, type InMemoryEventStore } from "@event-driven-io/emmett";
import { createInMemoryEventStore, handleCommand, loadStream, type EventStore } from "@handover/core";
import { emmettDecider, toEmmettCommand } from "../peers/emmett-decider.js";
import { benchCatalogue, benchDecider, type BenchEvent, type BenchState } from "../process/index.js";
import { appendClockAndIds } from "./append-input.js";
import { commandEntries } from "./command-input.js";
import { digestOf } from "./digest.js";
import { plainReduce } from "./plain-reduce.js";
import type { Workload } from "./types.js";

/** The final state of every stream and the event count, read back from a Handover store (untimed). */
export async function handoverDigest(store: EventStore, streamIds: readonly string[]): Promise<string> {
  const states: BenchState[] = [];
  let events = 0;
  for (const streamId of streamIds) {
    const loaded = await loadStream(store, benchDecider, streamId);
    states.push(loaded.state);
    events += loaded.version;
  }
  return `${events} ${digestOf(states)}`;
}

/** The same digest read back from Emmett's store. */
export async function emmettDigest(store: InMemoryEventStore, streamIds: readonly string[]): Promise<string> {
  const states: BenchState[] = [];
  let events = 0;
  for (const streamId of streamIds) {
    const { state, currentStreamVersion } = await store.aggregateStream(streamId, emmettDecider);
    states.push(state);
    events += Number(currentStreamVersion);
  }
  return `${events} ${digestOf(states)}`;
}

/** Issue 9 W1: one command at a time, decide → validate → hash → append, against a floor and Emmett. */
export const w1Workload: Workload = {
  id: "w1",
  title: "W1 command handling in memory",
  unit: "commands",
  fullSize: { streams: 2_000, perStream: 100 },
  variants: [
    {
      id: "handover",
      label: "Handover handleCommand + in-memory store",
      setup: async (size, seed) => {
        const { streamIds, entries } = commandEntries(size, seed);
        return async () => {
          const store = createInMemoryEventStore({ catalogue: benchCatalogue, ...appendClockAndIds() });
          for (const { streamId, scripted, meta } of entries) {
            const handled = await handleCommand(store, benchDecider, streamId, scripted.command, meta, { facts: scripted.facts });
            if (handled._tag === "Left") throw new Error(handled.left.message);
          }
          return { operations: entries.length, summarise: () => handoverDigest(store, streamIds) };
        };
      },
    },
    {
      id: "floor",
      label: "floor: plain reduce + decide + array push",
      setup: async (size, seed) => {
        const { streamIds, entries } = commandEntries(size, seed);
        return async () => {
          const streams = new Map<string, BenchEvent[]>();
          for (const { streamId, scripted } of entries) {
            let events = streams.get(streamId);
            if (events === undefined) streams.set(streamId, (events = []));
            const decision = benchDecider.decide(scripted.command, plainReduce(events), scripted.facts);
            if (decision._tag === "Left") throw new Error(decision.left.message);
            for (const event of decision.right) events.push(event);
          }
          const digest = (): string => {
            const all = streamIds.map((streamId) => streams.get(streamId) ?? []);
            return `${all.reduce((sum, events) => sum + events.length, 0)} ${digestOf(all.map(plainReduce))}`;
          };
          return { operations: entries.length, summarise: digest };
        };
      },
    },
    {
      id: "emmett",
      label: "Emmett 0.42.0 DeciderCommandHandler + in-memory store",
      setup: async (size, seed) => {
        const { streamIds, entries } = commandEntries(size, seed);
        const commands = entries.map((entry) => ({ streamId: entry.streamId, command: toEmmettCommand(entry.scripted) }));
        const handle = DeciderCommandHandler(emmettDecider);
        return async () => {
          const store = getInMemoryEventStore();
          for (const { streamId, command } of commands) await handle(store, streamId, command);
          return { operations: entries.length, summarise: () => emmettDigest(store, streamIds) };
        };
      },
    },
  ],
  comparisons: [
    { subject: "handover", baseline: "floor", atLeast: 0.5 },
    { subject: "handover", baseline: "emmett", atLeast: 10 },
  ],
  absoluteTargets: [],
  note: "Each command rehydrates its stream, decides, and appends; Handover also validates (zod), checks meta, hashes and indexes the command id.",
};
