import { describeValue, type AppendOptions, type EventStore, type EventToAppend, type RecordedEvent } from "@handover/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { continueChainedLog, type LogEntry } from "./chain-builder.js";
import { everything, expectChainValid, metaAt } from "./conformance-support.js";
import { hostileString, hostileValue } from "./hostile-values.js";
import type { ConformanceContext } from "./store-conformance.js";

const sometimes = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: hostileValue, weight: 1 });

const anEvent = fc.record({ type: sometimes(fc.constantFrom("thing.changed", "thing.created")), data: sometimes(fc.record({ size: fc.integer({ min: 1, max: 3 }), note: hostileString })), meta: fc.option(sometimes(fc.constant(metaAt(3))), { nil: undefined }) });
const anAppend = fc.tuple(
  sometimes(fc.constantFrom("thing-1", "thing-2", "thing é😀")),
  sometimes(fc.array(anEvent, { maxLength: 3 })),
  sometimes(fc.record({ expectedVersion: sometimes(fc.constantFrom("any", "exists", 0, 1, 2)), meta: sometimes(fc.constantFrom(metaAt(1), metaAt(2, { commandId: "cmd-1" }), metaAt(2, { commandId: "cmd-2", correlationId: "c" }))) })),
);
/** Entries of an import: ids, text and actors that may break the rules; only strings, so a test can hash them. */
const anEntry: fc.Arbitrary<LogEntry> = fc.record({
  streamId: fc.oneof(fc.constantFrom("thing-1", "thing-3"), hostileString),
  type: fc.oneof(fc.constant("thing.changed"), hostileString),
  data: fc.record({ size: fc.constant(1), note: hostileString }),
  meta: fc.oneof(fc.constant(metaAt(4)), hostileString.map((actor) => metaAt(4, { actor })), hostileString.map((commandId) => metaAt(4, { commandId }))),
});

/** Entries to chain after the store's log when the property runs (the log is known only then); known by identity, so telling them apart never reads a hostile value. */
const chained = new WeakMap<object, readonly LogEntry[]>();
const toChain = (entries: readonly LogEntry[]): object => {
  const token = {};
  chained.set(token, entries);
  return token;
};

async function appendOrFail(store: EventStore, [streamId, events, options]: readonly unknown[]): Promise<void> {
  const before = await store.head();
  const result = await store.appendToStream(streamId as string, events as readonly EventToAppend[], options as AppendOptions).catch((error: unknown) => {
    throw new Error(`appendToStream threw ${error instanceof Error ? error.message : describeValue(error)} for ${describeValue(streamId)}, ${describeValue(events)}, ${describeValue(options)}`);
  });
  const after = await store.head();
  if (result._tag === "Left" || result.right.duplicate) expect(after).toEqual(before);
  else expect(after.position).toBe(before.position + result.right.events.length);
}

async function importOrFail(store: EventStore, incoming: unknown): Promise<void> {
  const before = await store.head();
  const result = await store.importLog(incoming as RecordedEvent[]).catch((error: unknown) => {
    throw new Error(`importLog threw ${error instanceof Error ? error.message : describeValue(error)} for ${describeValue(incoming)}`);
  });
  const after = await store.head();
  if (result._tag === "Left") expect(after).toEqual(before);
  else expect(after.position).toBe(before.position + result.right.count);
}

/** Conformance: any append or import, however malformed, is a value; a refusal writes nothing; the log verifies after. */
export function inputPropertyConformance(context: ConformanceContext): void {
  describe("input rules, for any input (fast-check)", () => {
    it("returns a value for any append, writes nothing on a refusal, and keeps a log that verifies", async () => {
      const store = await context.store();
      await fc.assert(fc.asyncProperty(anAppend, (append) => appendOrFail(store, append)), { numRuns: 120 });
      await expectChainValid(store);
    });

    it("returns a value for any import (anything at all, or a chained log whose ids and actors may break the rules), writing all or nothing", async () => {
      const store = await context.store();
      const anImport = fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 2 }), fc.array(anEntry, { minLength: 1, maxLength: 3 }).map(toChain));
      await fc.assert(
        fc.asyncProperty(anImport, async (incoming) => {
          const entries = typeof incoming === "object" && incoming !== null ? chained.get(incoming) : undefined;
          await importOrFail(store, entries === undefined ? incoming : continueChainedLog(await everything(store), entries));
        }),
        { numRuns: 60 },
      );
      await expectChainValid(store);
    });
  });
}
