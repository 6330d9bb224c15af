import { canonicalJson, type EventStore, type RecordedEvent } from "@handover/core";
import { expect } from "vitest";

/** What one event of a crash test's writer says of itself: its run, its batch, its place in the batch and the batch's size. */
export interface CrashBatchMark {
  readonly run: number;
  readonly batch: number;
  readonly index: number;
  readonly size: number;
}

/**
 * The writer of a crash test: appends batches of 1 to 5 events to five streams until its
 * process is killed, printing "appending" after the first batch. Each event names its batch
 * and the batch's size (`CrashBatchMark`), so a partially written batch shows.
 */
export async function appendBatchesUntilKilled(store: EventStore, run: number): Promise<never> {
  for (let batch = 0; ; batch++) {
    const size = 1 + Math.floor(Math.random() * 5);
    const streamId = `crash-${Math.floor(Math.random() * 5)}`;
    const events = Array.from({ length: size }, (_, index) => ({ type: "crash.appended", data: { run, batch, index, size } satisfies CrashBatchMark }));
    const meta = { actor: "crash-writer", occurredAt: new Date().toISOString(), commandId: `r${run}-b${batch}` };
    const result = await store.appendToStream(streamId, events, { expectedVersion: "any", meta });
    if (result._tag === "Left") throw new Error(result.left.message);
    if (batch === 0) process.stdout.write("appending\n");
  }
}

/** Expects every batch a crash test's writers appended to be whole: all its events, at consecutive positions, in order. Answers how many batches there are. */
export function expectWholeBatches(log: readonly RecordedEvent[]): number {
  const batches = new Map<string, RecordedEvent[]>();
  for (const event of log) {
    const mark = event.data as CrashBatchMark;
    const key = `${mark.run}/${mark.batch}`;
    batches.set(key, [...(batches.get(key) ?? []), event]);
  }
  for (const [key, events] of batches) {
    const size = (events[0]?.data as CrashBatchMark).size;
    expect(events.map((event) => (event.data as CrashBatchMark).index), `batch ${key}`).toEqual(Array.from({ length: size }, (_, index) => index));
    expect(events.map((event) => event.position - (events[0]?.position ?? 0)), `batch ${key}`).toEqual(Array.from({ length: size }, (_, index) => index));
  }
  return batches.size;
}

/** The shape of a contention test: how many writers append how many events each to how many hot streams. */
export interface ContentionShape {
  readonly writers: number;
  readonly eventsPerWriter: number;
  readonly hotStreams: number;
}

/** What one contention writer did: events appended and version conflicts met (and retried). */
export interface ContentionReport {
  readonly conflicts: number;
  readonly millis: number;
}

/**
 * One writer of a contention test: appends one `{ writer, seq }` event at a time to a random
 * hot stream with the version it last saw, re-reading the version and retrying on a conflict.
 */
export async function appendContended(store: EventStore, writer: number, shape: Omit<ContentionShape, "writers">): Promise<ContentionReport> {
  const known = new Map<string, number>();
  let conflicts = 0;
  const started = performance.now();
  for (let seq = 0; seq < shape.eventsPerWriter; seq++) {
    const streamId = `hot-${Math.floor(Math.random() * shape.hotStreams)}`;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 1000) throw new Error(`writer ${writer}: ${streamId} still conflicting after 1000 attempts`);
      const expectedVersion = known.get(streamId) ?? (await store.streamVersion(streamId));
      const meta = { actor: `writer-${writer}`, occurredAt: new Date().toISOString(), commandId: `w${writer}-${seq}` };
      const result = await store.appendToStream(streamId, [{ type: "hot.appended", data: { writer, seq } }], { expectedVersion, meta });
      if (result._tag === "Right") {
        known.set(streamId, result.right.nextExpectedVersion);
        break;
      }
      if (result.left.code !== "version_conflict") throw new Error(result.left.message);
      conflicts++;
      known.set(streamId, result.left.actual);
    }
  }
  return { conflicts, millis: Math.round(performance.now() - started) };
}

/**
 * Expects the log a contention test left to hold every writer's every event exactly once,
 * every hot stream gapless from version 1, and at least one conflict met on the way.
 */
export function expectContendedLog(log: readonly RecordedEvent[], shape: ContentionShape, reports: readonly ContentionReport[]): void {
  const total = shape.writers * shape.eventsPerWriter;
  expect(log).toHaveLength(total);
  const seen = new Set(log.map((event) => canonicalJson(event.data)));
  expect(seen.size).toBe(total);
  for (let writer = 0; writer < shape.writers; writer++) {
    for (let seq = 0; seq < shape.eventsPerWriter; seq++) expect(seen.has(canonicalJson({ writer, seq }))).toBe(true);
  }
  const byStream = new Map<string, number[]>();
  for (const event of log) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.version]);
  expect(byStream.size).toBe(shape.hotStreams);
  for (const versions of byStream.values()) expect(versions).toEqual(versions.map((_, index) => index + 1));
  expect(reports.reduce((sum, report) => sum + report.conflicts, 0)).toBeGreaterThan(0);
}
