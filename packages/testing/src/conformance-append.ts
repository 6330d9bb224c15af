import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { changes, everything, expectChainValid, metaAt } from "./conformance-support.js";
import { conformanceCatalogue, type ConformanceContext } from "./store-conformance.js";

/** Conformance: appends, expected versions, atomic batches, schemas, idempotent command ids. */
export function appendConformance(context: ConformanceContext): void {
  describe("append", () => {
    it("appends a batch with versions 1..n and positions in log order", async () => {
      const store = await context.store();
      const result = await store.appendToStream("thing-1", changes(3), { expectedVersion: "no_stream", meta: metaAt(1) });
      expect(isRight(result)).toBe(true);
      if (isLeft(result)) return;
      expect(result.right.events.map((event) => [event.version, event.position])).toEqual([[1, 1], [2, 2], [3, 3]]);
      expect(result.right.nextExpectedVersion).toBe(3);
      expect(result.right.events[0]?.meta).toEqual({ actor: "u-1", occurredAt: "2026-02-01T00:01:00.000Z" });
      expect(await store.streamVersion("thing-1")).toBe(3);
      await expectChainValid(store);
    });

    it("refuses a stale expected version with a typed conflict and writes nothing", async () => {
      const store = await context.store();
      await store.appendToStream("thing-1", changes(2), { expectedVersion: 0, meta: metaAt(1) });
      const stale = await store.appendToStream("thing-1", changes(1), { expectedVersion: 1, meta: metaAt(2) });
      expect(isLeft(stale) && stale.left).toMatchObject({ code: "version_conflict", streamId: "thing-1", expected: 1, actual: 2 });
      expect(await everything(store)).toHaveLength(2);
    });

    it("honours no_stream, exists and any", async () => {
      const store = await context.store();
      expect(isLeft(await store.appendToStream("thing-1", changes(1), { expectedVersion: "exists", meta: metaAt(1) }))).toBe(true);
      expect(isRight(await store.appendToStream("thing-1", changes(1), { expectedVersion: "no_stream", meta: metaAt(1) }))).toBe(true);
      expect(isLeft(await store.appendToStream("thing-1", changes(1), { expectedVersion: "no_stream", meta: metaAt(2) }))).toBe(true);
      expect(isRight(await store.appendToStream("thing-1", changes(1), { expectedVersion: "exists", meta: metaAt(3) }))).toBe(true);
      expect(isRight(await store.appendToStream("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(4) }))).toBe(true);
      expect(await store.streamVersion("thing-1")).toBe(3);
    });

    it("writes nothing of a batch when one event has no actor", async () => {
      const store = await context.store();
      const batch = [...changes(2), { type: "thing.changed", data: { size: 1 }, meta: { actor: "", occurredAt: "2026-02-01T00:00:00Z" } }];
      const result = await store.appendToStream("thing-1", batch, { expectedVersion: "any", meta: metaAt(1) });
      expect(isLeft(result) && result.left).toMatchObject({ code: "invalid_meta", index: 2, path: "meta.actor" });
      expect(await everything(store)).toEqual([]);
      expect(await store.streamVersion("thing-1")).toBe(0);
    });

    it("keeps each event's own meta over the batch's", async () => {
      const store = await context.store();
      const own = { type: "thing.changed", data: { size: 2 }, meta: metaAt(9, { actor: "u-9", correlationId: "c-1" }) };
      await store.appendToStream("thing-1", [...changes(1), own], { expectedVersion: "any", meta: metaAt(1) });
      const log = await everything(store);
      expect(log.map((event) => event.meta.actor)).toEqual(["u-1", "u-9"]);
      expect(log[1]?.meta.correlationId).toBe("c-1");
    });

    it("refuses an event that fails its schema, naming the field, and writes nothing", async () => {
      const store = await context.store(conformanceCatalogue);
      const batch = [{ type: "thing.created", data: { name: "a", size: 2 } }, { type: "thing.changed", data: { size: 7 } }];
      const result = await store.appendToStream("thing-1", batch, { expectedVersion: "any", meta: metaAt(1) });
      expect(isLeft(result) && result.left).toMatchObject({ code: "invalid_event", index: 1, path: "data.size" });
      expect(isLeft(result) && result.left.message).toContain("data.size");
      expect(await everything(store)).toEqual([]);
    });

    it("refuses an unknown event type when it has a catalogue", async () => {
      const store = await context.store(conformanceCatalogue);
      const result = await store.appendToStream("thing-1", [{ type: "thing.exploded", data: {} }], { expectedVersion: "any", meta: metaAt(1) });
      expect(isLeft(result) && result.left).toMatchObject({ code: "unknown_event_type", index: 0 });
    });

    it("returns the first result for a repeated command id and appends nothing", async () => {
      const store = await context.store();
      const meta = metaAt(1, { commandId: "cmd-1" });
      const first = await store.appendToStream("thing-1", changes(2), { expectedVersion: "no_stream", meta });
      const again = await store.appendToStream("thing-1", changes(2), { expectedVersion: "no_stream", meta });
      expect(isRight(again) && again.right.duplicate).toBe(true);
      expect(isRight(first) && isRight(again) && again.right.events).toEqual(isRight(first) && first.right.events);
      expect(await everything(store)).toHaveLength(2);
      const found = await store.findCommand("cmd-1");
      expect(found?.streamId).toBe("thing-1");
      expect(found?.events.map((event) => event.position)).toEqual([1, 2]);
      expect(await store.findCommand("cmd-unknown")).toBeUndefined();
    });
  });
}
