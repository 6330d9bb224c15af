import { isAsyncIterable, project, type LogRange, type Projection, type RecordedEvent } from "@handover/core";

/** A log as the read models take it: an array or iterable (answered at once) or an async iterable (a store, a JSONL file). */
export type Log = Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>;

/** The answer to a log: the value for a synchronous log, a promise of it for an async one. */
export type Answer<L extends Log, T> = L extends AsyncIterable<RecordedEvent> ? Promise<T> : T;

/** Runs a projection over a log cut to a range, answering synchronously or with a promise as the log is read. */
export function projectLog<L extends Log, State, Result>(log: L, projection: Projection<State, Result>, range: LogRange): Answer<L, Result> {
  const answer = isAsyncIterable(log) ? project(log, projection, range) : project(log as Iterable<RecordedEvent>, projection, range);
  return answer as Answer<L, Result>;
}

/** Applies a function to an answer, whether it is a value or a promise. */
export function mapAnswer<T, U>(answer: T | Promise<T>, map: (value: T) => U): U | Promise<U> {
  return answer instanceof Promise ? answer.then(map) : map(answer);
}
