import { evolveWithImmer, fold, type RecordedEvent } from "@handover/core";
import type { ProcessModule } from "./process-module.js";

/** One aggregate as the engine holds it: its latest state and stream version. */
export interface AggregateEntry<State = unknown> {
  readonly streamId: string;
  readonly process: string;
  readonly state: State;
  readonly version: number;
}

/**
 * The engine's inline read model: the current state of every aggregate in the log, by
 * process, and the last position applied. Facts for deciders are read from here.
 */
export interface EngineView {
  readonly position: number;
  aggregate<State>(streamId: string): AggregateEntry<State> | undefined;
  /** Every aggregate of one process, in the order their streams first appeared. */
  aggregatesOf<State>(process: string): Iterable<AggregateEntry<State>>;
}

/** The view plus the operations that keep it current. */
export interface MutableEngineView extends EngineView {
  /** Applies newly appended events (in position order) with immer. */
  apply(events: readonly RecordedEvent[]): void;
  /** Replays a whole log on plain mutable copies, stream by stream, then freezes the states. */
  replay(events: readonly RecordedEvent[]): void;
}

/** Creates an empty view over the given processes; an event whose stream no process owns is a broken log. */
export function createEngineView(modules: readonly ProcessModule[]): MutableEngineView {
  const byStream = new Map<string, AggregateEntry>();
  const byProcess = new Map<string, Map<string, AggregateEntry>>(modules.map((module) => [module.name, new Map()]));
  let position = 0;

  const moduleOf = (event: RecordedEvent): ProcessModule => {
    const found = modules.find((module) => event.streamId.startsWith(`${module.streamPrefix}-`));
    if (found === undefined) throw new Error(`position ${event.position}: stream ${event.streamId} belongs to no process this engine knows`);
    return found;
  };
  const store = (entry: AggregateEntry): void => {
    byStream.set(entry.streamId, entry);
    byProcess.get(entry.process)?.set(entry.streamId, entry);
  };
  const checkOrder = (event: RecordedEvent): void => {
    if (event.position !== position + 1) throw new Error(`engine view: expected position ${position + 1}, got ${event.position}`);
    position = event.position;
  };

  return {
    get position() {
      return position;
    },
    aggregate: <State>(streamId: string) => byStream.get(streamId) as AggregateEntry<State> | undefined,
    aggregatesOf: <State>(process: string) => (byProcess.get(process)?.values() ?? []) as Iterable<AggregateEntry<State>>,
    apply(events) {
      for (const event of events) {
        checkOrder(event);
        const module = moduleOf(event);
        const current = byStream.get(event.streamId);
        const state = evolveWithImmer(module.decider, current?.state ?? module.decider.initialState, [event]);
        store({ streamId: event.streamId, process: module.name, state, version: event.version });
      }
    },
    replay(events) {
      const grouped = new Map<string, { module: ProcessModule; events: RecordedEvent[] }>();
      for (const event of events) {
        checkOrder(event);
        let group = grouped.get(event.streamId);
        if (group === undefined) grouped.set(event.streamId, (group = { module: moduleOf(event), events: [] }));
        group.events.push(event);
      }
      for (const [streamId, group] of grouped) {
        const current = byStream.get(streamId);
        const state = fold(group.module.decider, group.events, current?.state ?? group.module.decider.initialState);
        const last = group.events[group.events.length - 1];
        store({ streamId, process: group.module.name, state, version: last?.version ?? current?.version ?? 0 });
      }
    },
  };
}
