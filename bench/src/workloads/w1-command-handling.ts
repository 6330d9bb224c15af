import { DeciderCommandHandler, getInMemoryEventStore, type InMemoryEventStore } from "@event-driven-io/emmett";
import {
  createCommandHandler,
  createInMemoryEventStore,
  createInMemorySnapshotStore,
  handleCommand,
  loadStream,
  type EventStore,
  type HandleCommandOptions,
} from "@handover/core";
import { emmettDecider, toEmmettCommand } from "../peers/emmett-decider.js";
import { benchCatalogue, benchDecider, type BenchEvent, type BenchFacts, type BenchState } from "../process/index.js";
import { appendClockAndIds } from "./append-input.js";
import { commandEntries } from "./command-input.js";
import { digestOf } from "./digest.js";
import { plainReduce } from "./plain-reduce.js";
import type { Variant, Workload } from "./types.js";

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

/** Snapshots every this many events, when the snapshot variant runs. */
const SNAPSHOT_EVERY = 20;

function handoverVariant(id: string, label: string, withSnapshots: boolean): Variant {
  return {
    id,
    label,
    setup: async (size, seed) => {
      const { streamIds, entries } = commandEntries(size, seed);
      return async () => {
        const store = createInMemoryEventStore({ catalogue: benchCatalogue, ...appendClockAndIds() });
        const snapshots = withSnapshots ? { store: createInMemorySnapshotStore(), every: SNAPSHOT_EVERY } : undefined;
        for (const { streamId, scripted, meta } of entries) {
          const options: HandleCommandOptions<BenchState, BenchFacts> = snapshots === undefined ? { facts: scripted.facts } : { facts: scripted.facts, snapshots };
          const handled = await handleCommand(store, benchDecider, streamId, scripted.command, meta, options);
          if (handled._tag === "Left") throw new Error(handled.left.message);
        }
        return { operations: entries.length, summarise: () => handoverDigest(store, streamIds) };
      };
    },
  };
}

/** The default command path: `createCommandHandler`, its aggregate cache on (every stream of the workload fits its default bound). */
function defaultPathVariant(): Variant {
  return {
    id: "handover",
    label: "Handover createCommandHandler (default: cached aggregates) + in-memory store",
    setup: async (size, seed) => {
      const { streamIds, entries } = commandEntries(size, seed);
      return async () => {
        const store = createInMemoryEventStore({ catalogue: benchCatalogue, ...appendClockAndIds() });
        const handler = createCommandHandler(store, benchDecider);
        for (const { streamId, scripted, meta } of entries) {
          const handled = await handler.handle(streamId, scripted.command, meta, scripted.facts);
          if (handled._tag === "Left") throw new Error(handled.left.message);
        }
        return { operations: entries.length, summarise: () => handoverDigest(store, streamIds) };
      };
    },
  };
}

/** Issue 9 W1: one command at a time, decide → validate → hash → append, against a floor and Emmett. */
export const w1Workload: Workload = {
  id: "w1",
  title: "W1 command handling in memory",
  unit: "commands",
  fullSize: { streams: 2_000, perStream: 100 },
  variants: [
    defaultPathVariant(),
    handoverVariant("handover-replaying", "Handover handleCommand without a cache (replays the stream) + in-memory store", false),
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
    handoverVariant("handover-snapshots", `Handover handleCommand + in-memory snapshots every ${SNAPSHOT_EVERY} events`, true),
  ],
  comparisons: [
    { subject: "handover", baseline: "floor", atLeast: 1.0 },
    { subject: "handover", baseline: "emmett", atLeast: 10 },
    { subject: "handover-replaying", baseline: "floor" },
    { subject: "handover-replaying", baseline: "emmett" },
    { subject: "handover-snapshots", baseline: "floor" },
    { subject: "handover-snapshots", baseline: "emmett" },
  ],
  absoluteTargets: [],
  note: "The floor and Emmett rehydrate each command's stream by replaying it; Handover's default path (createCommandHandler) decides on the cached state after checking the stream's version, the replaying variant replays like them, the snapshot variant from a snapshot. Every Handover variant also validates (zod), checks meta, hashes and indexes the command id.",
};
