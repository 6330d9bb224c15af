import type { RecordedEvent } from "./envelope.js";
import { toUtcIso } from "./time.js";
import type { LogRange } from "./event-store.js";

/**
 * True when an event falls inside a log range: positions inclusive, `until` by
 * `meta.occurredAt`, `recordedUntil` by `recordedAt`. Times are canonical UTC strings,
 * so they compare as strings.
 */
export function inLogRange(event: RecordedEvent, range: LogRange): boolean {
  if (range.fromPosition !== undefined && event.position < range.fromPosition) return false;
  if (range.toPosition !== undefined && event.position > range.toPosition) return false;
  if (range.until !== undefined && event.meta.occurredAt > range.until) return false;
  if (range.recordedUntil !== undefined && event.recordedAt > range.recordedUntil) return false;
  return true;
}

/** Filters an iterable or async iterable of events to a log range, stopping after `toPosition`. */
export function filterLogRange(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  range: LogRange,
): AsyncIterable<RecordedEvent> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const event of events) {
        if (range.toPosition !== undefined && event.position > range.toPosition) return;
        if (inLogRange(event, range)) yield event;
      }
    },
  };
}

/**
 * Puts a range's times into canonical UTC so they compare with stored times; a time
 * that is not an ISO date-time is a programmer error (parse user input before this).
 */
export function normaliseLogRange(range: LogRange): LogRange {
  const normalised: { -readonly [K in keyof LogRange]: LogRange[K] } = { ...range };
  if (range.until !== undefined) normalised.until = canonicalTime(range.until, "until");
  if (range.recordedUntil !== undefined) normalised.recordedUntil = canonicalTime(range.recordedUntil, "recordedUntil");
  return normalised;
}

function canonicalTime(value: string, field: string): string {
  const parsed = toUtcIso(value);
  if (parsed._tag === "Left") throw new RangeError(`${field}: ${parsed.left}`);
  return parsed.right;
}
