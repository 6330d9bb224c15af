import { freeze } from "immer";
import type { RecordedEvent } from "./envelope.js";
import type { LogRange } from "./event-store.js";
import { isAsyncIterable } from "./iterables.js";
import { inLogRange, normaliseLogRange } from "./log-range.js";

/**
 * A read model as three pure functions: a fresh mutable state, how one event changes it
 * (mutating, during replay only), and the result handed out (frozen once, at the end).
 */
export interface Projection<State, Result = State> {
  readonly name: string;
  init(): State;
  apply(state: State, event: RecordedEvent): void;
  result?(state: State): Result;
}

/**
 * Runs a projection over a log, optionally cut to a range (`until`, `recordedUntil`,
 * `toPosition`), and returns its frozen result. Synchronous for arrays and iterables,
 * a promise for async iterables (stores, JSONL files).
 */
export function project<State, Result>(events: Iterable<RecordedEvent>, projection: Projection<State, Result>, range?: LogRange): Result;
export function project<State, Result>(events: AsyncIterable<RecordedEvent>, projection: Projection<State, Result>, range?: LogRange): Promise<Result>;
export function project<State, Result>(
  events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  projection: Projection<State, Result>,
  range: LogRange = {},
): Result | Promise<Result> {
  const normalised = normaliseLogRange(range);
  const state = projection.init();
  if (isAsyncIterable(events)) return projectAsync(events, projection, normalised, state);
  for (const event of events) {
    if (normalised.toPosition !== undefined && event.position > normalised.toPosition) break;
    if (inLogRange(event, normalised)) projection.apply(state, event);
  }
  return finish(projection, state);
}

async function projectAsync<State, Result>(
  events: AsyncIterable<RecordedEvent>,
  projection: Projection<State, Result>,
  range: LogRange,
  state: State,
): Promise<Result> {
  for await (const event of events) {
    if (range.toPosition !== undefined && event.position > range.toPosition) break;
    if (inLogRange(event, range)) projection.apply(state, event);
  }
  return finish(projection, state);
}

function finish<State, Result>(projection: Projection<State, Result>, state: State): Result {
  const result = projection.result === undefined ? (state as unknown as Result) : projection.result(state);
  return freeze(result, true);
}
