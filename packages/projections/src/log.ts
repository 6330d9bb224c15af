import { inLogRange, isAsyncIterable, project, type LogRange, type Projection, type RecordedEvent } from "@handover/core";

/** A log as the read models take it: an array or iterable (answered at once) or an async iterable (a store, a JSONL file). */
export type Log = Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>;

/** The answer to a log: the value for a synchronous log, a promise of it for an async one. */
export type Answer<L extends Log, T> = L extends AsyncIterable<RecordedEvent> ? Promise<T> : T;

/** Runs a projection over a log cut to a range, answering synchronously or with a promise as the log is read. */
export function projectLog<L extends Log, State, Result>(log: L, projection: Projection<State, Result>, range: LogRange): Answer<L, Result> {
  const answer = isAsyncIterable(log) ? project(log, projection, range) : project(log as Iterable<RecordedEvent>, projection, range);
  return answer as Answer<L, Result>;
}

/** What a scan does with each event in range: `false` stops the scan (the rest of the log is not read). */
export type Visit = (event: RecordedEvent) => boolean | void;

/**
 * Reads a log in position order, visiting the events inside a range (canonical times, as
 * `logRangeOf` gives), stopping after `toPosition` or when the visit says so, then answers
 * with `finish()`: at once for a synchronous log, as a promise for an async one.
 */
export function scanLog<L extends Log, T>(log: L, range: LogRange, visit: Visit, finish: () => T): Answer<L, T> {
  if (isAsyncIterable(log)) return scanAsync(log, range, visit, finish) as Answer<L, T>;
  for (const event of log as Iterable<RecordedEvent>) {
    if (range.toPosition !== undefined && event.position > range.toPosition) break;
    if (inLogRange(event, range) && visit(event) === false) break;
  }
  return finish() as Answer<L, T>;
}

async function scanAsync<T>(log: AsyncIterable<RecordedEvent>, range: LogRange, visit: Visit, finish: () => T): Promise<T> {
  for await (const event of log) {
    if (range.toPosition !== undefined && event.position > range.toPosition) break;
    if (inLogRange(event, range) && visit(event) === false) break;
  }
  return finish();
}
