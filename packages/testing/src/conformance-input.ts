import { toArray, type AppendOptions, type EventMeta, type EventStore, type EventToAppend } from "@handover/core";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildChainedLog, type LogEntry } from "./chain-builder.js";
import { changes, everything, expectChainValid, metaAt } from "./conformance-support.js";
import { bareObjectWithBigInt, cyclicObject, nestedArrays } from "./hostile-values.js";
import type { ConformanceContext } from "./store-conformance.js";

/** One call of a store with malformed input, as the conformance suite makes it. */
export type MalformedAttempt = (store: EventStore) => Promise<unknown>;

const append = (streamId: unknown, events: unknown, options: unknown): MalformedAttempt => (store) =>
  store.appendToStream(streamId as string, events as readonly EventToAppend[], options as AppendOptions);
const one = (data: unknown): EventToAppend[] => [{ type: "thing.changed", data }];

/** Appends every store must refuse with a `Left` naming the field (code and path), writing nothing and throwing nothing. */
export const MALFORMED_APPENDS: readonly { readonly name: string; readonly attempt: MalformedAttempt; readonly refusal: { readonly code: string; readonly path: string } }[] = [
  { name: "a lone surrogate in the stream id", attempt: append("thing-\ud800", changes(1), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_append", path: "streamId" } },
  { name: "a NUL in the stream id", attempt: append("thing-\u0000", changes(1), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_append", path: "streamId" } },
  { name: "a stream id that is not a string", attempt: append({ id: 1 }, changes(1), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_append", path: "streamId" } },
  { name: "a NUL in the command id", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1, { commandId: "cmd-\u0000" }) }), refusal: { code: "invalid_meta", path: "meta.commandId" } },
  { name: "a command id that is an object", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: { ...metaAt(1), commandId: {} } }), refusal: { code: "invalid_meta", path: "meta.commandId" } },
  { name: "a lone surrogate in the correlation id", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1, { correlationId: "\udfff" }) }), refusal: { code: "invalid_meta", path: "meta.correlationId" } },
  { name: "a tab in the causation id", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1, { causationId: "a\tb" }) }), refusal: { code: "invalid_meta", path: "meta.causationId" } },
  { name: "a zero-width space as the actor", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1, { actor: "\u200b" }) }), refusal: { code: "invalid_meta", path: "meta.actor" } },
  { name: "a NUL as the actor", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1, { actor: "\u0000" }) }), refusal: { code: "invalid_meta", path: "meta.actor" } },
  { name: "a blank actor", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1, { actor: "   " }) }), refusal: { code: "invalid_meta", path: "meta.actor" } },
  { name: "a bidirectional override in the actor", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1, { actor: "eve\u202eyllam" }) }), refusal: { code: "invalid_meta", path: "meta.actor" } },
  { name: "an actor longer than 256 characters", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1, { actor: "a".repeat(257) }) }), refusal: { code: "invalid_meta", path: "meta.actor" } },
  { name: "meta that is a string", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: "ana" }), refusal: { code: "invalid_meta", path: "meta" } },
  { name: "meta that is null", attempt: append("thing-1", changes(1), { expectedVersion: "any", meta: null }), refusal: { code: "invalid_meta", path: "meta" } },
  { name: "options that are not an object", attempt: append("thing-1", changes(1), "any"), refusal: { code: "invalid_append", path: "options" } },
  { name: "an expected version that is not a whole number", attempt: append("thing-1", changes(1), { expectedVersion: 1.5, meta: metaAt(1) }), refusal: { code: "invalid_append", path: "expectedVersion" } },
  { name: "an expected version past 32 bits", attempt: append("thing-1", changes(1), { expectedVersion: 2 ** 40, meta: metaAt(1) }), refusal: { code: "invalid_append", path: "expectedVersion" } },
  { name: "events that are not a list", attempt: append("thing-1", { type: "thing.changed", data: {} }, { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_append", path: "events" } },
  { name: "an event that is null", attempt: append("thing-1", [null], { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "event" } },
  { name: "an event type with a line break", attempt: append("thing-1", [{ type: "thing.changed\n", data: {} }], { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "type" } },
  { name: "a lone surrogate in a data string", attempt: append("thing-1", one({ name: "x\ud800" }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data.name" } },
  { name: "a lone surrogate in a data key", attempt: append("thing-1", one({ ["k\udc00"]: 1 }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: 'data["k\\udc00"]' } },
  { name: "data nested 2,000 deep", attempt: append("thing-1", one({ value: nestedArrays(2000) }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: `data.value${"[0]".repeat(63)}` } },
  { name: "an object without prototype holding a BigInt", attempt: append("thing-1", one({ value: bareObjectWithBigInt() }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data.value.amount" } },
  { name: "a cycle", attempt: append("thing-1", one(cyclicObject()), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data.self" } },
  { name: "an unsafe integer", attempt: append("thing-1", one({ size: 2 ** 60 }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data.size" } },
  { name: "NaN", attempt: append("thing-1", one({ size: Number.NaN }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data.size" } },
  { name: "a Date", attempt: append("thing-1", one({ at: new Date(0) }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data.at" } },
  { name: "undefined in a list", attempt: append("thing-1", one({ list: [1, undefined] }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data.list[1]" } },
  { name: "an event over 1 MiB", attempt: append("thing-1", one({ text: "é".repeat(600_000) }), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data" } },
  { name: "a getter that throws", attempt: append("thing-1", one(Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("boom"); } })), { expectedVersion: "any", meta: metaAt(1) }), refusal: { code: "invalid_event", path: "data.boom" } },
];

/** Conformance: the input rules. Every malformed append is the same `Left` in every store; nothing is written, nothing thrown, and lookups by ids no store can hold find nothing. */
export function inputConformance(context: ConformanceContext): void {
  describe("input rules", () => {
    for (const { name, attempt, refusal } of MALFORMED_APPENDS) {
      it(`refuses ${name} with a Left naming the field, writing nothing`, async () => {
        const store = await context.store();
        const result = await attempt(store);
        expect(result).toMatchObject({ _tag: "Left", left: refusal });
        expect((result as { left: { message: string } }).left.message).toContain(refusal.path.split("[")[0] ?? "");
        expect(await everything(store)).toEqual([]);
        expect(isRight(await store.appendToStream("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(2) }))).toBe(true);
        await expectChainValid(store);
      });
    }

    it("keeps awkward but well-formed text exactly: tabs, NUL and emoji in data, a backslash and spaces in ids", async () => {
      const store = await context.store();
      const data = { text: "tab\t nul\u0000 emoji 😀 bidi \u202e", key: { "\u0001": "control key" } };
      const appended = await store.appendToStream("thing-a\\b c", one(data), { expectedVersion: "any", meta: metaAt(1, { actor: "José Ñúñez", commandId: "cmd é 😀" }) });
      expect(isRight(appended)).toBe(true);
      const [stored] = await expectChainValid(store);
      expect(stored).toMatchObject({ streamId: "thing-a\\b c", data, meta: { actor: "José Ñúñez", commandId: "cmd é 😀" } });
      expect((await store.findCommand("cmd é 😀"))?.streamId).toBe("thing-a\\b c");
    });

    it("finds nothing by an id no store can hold (a lone surrogate, a NUL, an object), never another stream", async () => {
      const store = await context.store();
      await store.appendToStream("x\ufffd", changes(2), { expectedVersion: "any", meta: metaAt(1, { commandId: "c\ufffd" }) });
      for (const id of ["x\ud800", "x\u0000", {}, 42] as unknown as string[]) {
        expect(await store.streamVersion(id)).toBe(0);
        expect(await store.findCommand(id)).toBeUndefined();
        expect(await toArray(store.readStream(id))).toEqual([]);
      }
      expect(await store.findCommand("c\ud800")).toBeUndefined();
      expect(await store.streamVersion("x\ufffd")).toBe(2);
    });

    it("refuses an import that breaks the rules an append keeps (actor, ids, text), at its position, writing nothing", async () => {
      const entry = (streamId: string, data: unknown, meta: EventMeta): LogEntry => ({ streamId, type: "thing.changed", data, meta });
      const breaking: readonly [string, LogEntry][] = [
        ["meta.actor", entry("thing-1", { size: 1 }, metaAt(2, { actor: " " }))],
        ["meta.actor", entry("thing-1", { size: 1 }, metaAt(2, { actor: "\u200b" }))],
        ["meta.commandId", entry("thing-1", { size: 1 }, metaAt(2, { commandId: "c\u0000" }))],
        ["streamId", entry("thing-\u0000", { size: 1 }, metaAt(2))],
        ["streamId", entry("thing-\ud800", { size: 1 }, metaAt(2))],
        ["data.name", entry("thing-1", { size: 1, name: "x\ud800" }, metaAt(2))],
      ];
      for (const [field, bad] of breaking) {
        const store = await context.store();
        const result = await store.importLog(buildChainedLog([entry("thing-0", { size: 1 }, metaAt(1)), bad]));
        expect(isLeft(result) && result.left, field).toMatchObject({ code: "chain_rejected", position: 2 });
        expect(isLeft(result) && result.left.message, field).toContain(field);
        expect(await everything(store)).toEqual([]);
      }
    });

    it("refuses an import of something that is not a list of events, and of a null event, writing nothing", async () => {
      const store = await context.store();
      for (const incoming of [42, null, "events", { position: 1 }]) {
        const result = await store.importLog(incoming as never);
        expect(isLeft(result) && result.left).toMatchObject({ code: "invalid_append", path: "events" });
      }
      const nullEvent = await store.importLog([null] as never);
      expect(isLeft(nullEvent) && nullEvent.left).toMatchObject({ code: "chain_rejected", position: 1 });
      expect(await everything(store)).toEqual([]);
    });
  });
}
