import type { RecordedEvent } from "@handover/core";
import fc from "fast-check";
import { buildChainedLog, type LogEntry } from "./chain-builder.js";

/** A JSON value with every integer beyond ±(2^53 − 1) pulled back to the safe limit: the numbers a log may hold. */
export function withSafeNumbers(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value) ? Math.sign(value) * Number.MAX_SAFE_INTEGER : value;
  if (Array.isArray(value)) return value.map(withSafeNumbers);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, withSafeNumbers(member)]));
  return value;
}

/** Any JSON value a log may hold (finite, safe numbers; no undefined; nested at most a few levels): the values canonical JSON writes. */
export const arbitrarySafeJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 }).map((value) => withSafeNumbers(JSON.parse(JSON.stringify(value))));

/**
 * Any JSON value events may carry as data (finite, safe numbers, no undefined), as it comes back
 * from JSON: fast-check's -0 becomes 0, which is what JSON, canonical JSON and every store write.
 */
export const arbitraryJsonData: fc.Arbitrary<unknown> = arbitrarySafeJson;

/** An ISO-8601 UTC instant between 2020 and 2030, in canonical form. */
export const arbitraryInstant: fc.Arbitrary<string> = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((millis) => new Date(millis).toISOString());

/** Options of `arbitraryRecordedLog`. */
export interface RecordedLogOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly streams?: number;
}

/** A log entry on one of `streams` streams, with random data, actor and times. */
export function arbitraryLogEntry(streams = 5): fc.Arbitrary<LogEntry> {
  return fc.record({
    streamId: fc.integer({ min: 1, max: streams }).map((n) => `thing-${n}`),
    type: fc.constantFrom("thing.created", "thing.changed", "thing.closed"),
    data: fc.record({ value: arbitraryJsonData, note: fc.string({ maxLength: 20 }) }),
    meta: fc.record({ actor: fc.constantFrom("u-1", "u-2", "u-3"), occurredAt: arbitraryInstant }),
    recordedAt: arbitraryInstant,
  });
}

/** A valid, hash-chained log of random events over a few streams. */
export function arbitraryRecordedLog(options: RecordedLogOptions = {}): fc.Arbitrary<RecordedEvent[]> {
  return fc
    .array(arbitraryLogEntry(options.streams ?? 5), { minLength: options.minLength ?? 0, maxLength: options.maxLength ?? 30 })
    .map((entries) => buildChainedLog(entries));
}

/** A sequence of commands drawn from the given command arbitraries, for property tests of deciders. */
export function arbitraryCommandSequence<Command>(
  commands: readonly fc.Arbitrary<Command>[],
  options: { readonly minLength?: number; readonly maxLength?: number } = {},
): fc.Arbitrary<Command[]> {
  return fc.array(fc.oneof(...commands), { minLength: options.minLength ?? 1, maxLength: options.maxLength ?? 40 });
}
