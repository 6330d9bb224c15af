import type { RecordedEvent } from "@handover/core";
import { cmdbOf, wiringNamed, wiringOfStream, type ProcessName, type ReadinessState } from "@handover/projections";

/** One aggregate as the engine holds it: its latest state and stream version. */
export interface AggregateEntry<State = unknown> {
  readonly streamId: string;
  readonly process: string;
  readonly state: State;
  readonly version: number;
}

/**
 * The engine's view of its model: the current state of every aggregate in the log, by
 * process, and the last position applied. States handed out are frozen and stay as they
 * were; the model evolves copies of them afterwards.
 */
export interface EngineView {
  readonly position: number;
  aggregate<State>(streamId: string): AggregateEntry<State> | undefined;
  /** Every aggregate of one process, in the order their streams first appeared. */
  aggregatesOf<State>(process: string): Iterable<AggregateEntry<State>>;
}

/**
 * The view of the engine's one model of state (the projections' history, fed once per
 * event), sealed first: the aggregates changed since the last view are frozen, the CMDB's
 * records too.
 */
export function viewOf(model: ReadinessState): EngineView {
  const history = model.history;
  history.aggregates.seal();
  cmdbOf(history.cmdb);
  const entry = (process: string, id: string, streamId: string): AggregateEntry | undefined => {
    const now = history.aggregate(process as ProcessName, id);
    return now === undefined ? undefined : { streamId, process, state: now.state, version: now.version };
  };
  return {
    position: history.cmdb.position,
    aggregate: <State>(streamId: string) => {
      const found = wiringOfStream(streamId);
      return found === undefined ? undefined : (entry(found.wiring.descriptor.name, found.id, streamId) as AggregateEntry<State> | undefined);
    },
    aggregatesOf: <State>(process: string) => {
      const wiring = wiringNamed(process);
      if (wiring === undefined) return [];
      const ids = wiring.inCmdb === true ? history.cmdb.cis.keys() : history.aggregates.of(process as ProcessName).keys();
      const entries: AggregateEntry<State>[] = [];
      for (const id of ids) {
        const found = entry(process, id, `${wiring.descriptor.streamPrefix}-${id}`);
        if (found !== undefined) entries.push(found as AggregateEntry<State>);
      }
      return entries;
    },
  };
}

/** Checks that events arrive in position order, one after the other; a gap is a broken log. */
export function checkPositions(from: number, events: readonly RecordedEvent[]): void {
  let position = from;
  for (const event of events) {
    if (event.position !== position + 1) throw new Error(`engine: expected position ${position + 1}, got ${event.position}`);
    position = event.position;
  }
}
