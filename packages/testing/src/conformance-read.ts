import { toArray, type RecordedEvent } from "@handover/core";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { changes, everything, expectChainValid, metaAt } from "./conformance-support.js";
import type { ConformanceContext } from "./store-conformance.js";

/** Conformance: stream and log reads, ranges, both times, imports. */
export function readConformance(context: ConformanceContext): void {
  describe("read", () => {
    const seeded = async () => {
      const store = await context.store();
      await store.appendToStream("thing-1", changes(3), { expectedVersion: "no_stream", meta: metaAt(10) });
      await store.appendToStream("thing-2", changes(2), { expectedVersion: "no_stream", meta: metaAt(5) });
      await store.appendToStream("thing-1", changes(2), { expectedVersion: 3, meta: metaAt(20) });
      return store;
    };

    it("reads one stream in version order, within a version range", async () => {
      const store = await seeded();
      const all = await toArray(store.readStream("thing-1"));
      expect(all.map((event) => event.version)).toEqual([1, 2, 3, 4, 5]);
      expect(all.every((event) => event.streamId === "thing-1")).toBe(true);
      const middle = await toArray(store.readStream("thing-1", { fromVersion: 2, toVersion: 4 }));
      expect(middle.map((event) => event.version)).toEqual([2, 3, 4]);
      expect(await toArray(store.readStream("thing-404"))).toEqual([]);
    });

    it("hands out the same events as pages, where it hands out pages, for any version range", async () => {
      const store = await seeded();
      if (store.readStreamPages === undefined) return;
      for (const range of [{}, { fromVersion: 2 }, { fromVersion: 2, toVersion: 4 }, { fromVersion: 6 }, { toVersion: 0 }]) {
        const pages = await toArray(store.readStreamPages("thing-1", range));
        expect(pages.every((page) => page.length > 0), JSON.stringify(range)).toBe(true);
        expect(pages.flat(), JSON.stringify(range)).toEqual(await toArray(store.readStream("thing-1", range)));
      }
      expect(await toArray(store.readStreamPages("thing-404"))).toEqual([]);
    });

    it("reads the log in position order, within a position range", async () => {
      const store = await seeded();
      expect((await everything(store)).map((event) => event.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const slice = await toArray(store.readAll({ fromPosition: 3, toPosition: 5 }));
      expect(slice.map((event) => [event.position, event.streamId])).toEqual([[3, "thing-1"], [4, "thing-2"], [5, "thing-2"]]);
    });

    it("answers what had occurred by a time (until) and what the log knew by a time (recordedUntil)", async () => {
      const store = await seeded();
      const occurred = await toArray(store.readAll({ until: "2026-02-01T00:10:00Z" }));
      expect(occurred.map((event) => event.position)).toEqual([1, 2, 3, 4, 5]);
      const known = await toArray(store.readAll({ recordedUntil: "2026-01-01T00:01:00Z" }));
      expect(known.map((event) => event.position)).toEqual([1, 2, 3, 4, 5]);
      const both = await toArray(store.readAll({ until: "2026-02-01T00:05:00Z", recordedUntil: "2026-01-01T00:01:00Z" }));
      expect(both.map((event) => event.position)).toEqual([4, 5]);
    });

    it("imports another store's log: same events, same hashes, chain verified", async () => {
      const source = await seeded();
      const target = await context.store();
      const imported = await target.importLog(source.readAll());
      expect(isRight(imported) && imported.right.count).toBe(7);
      expect(await everything(target)).toEqual(await everything(source));
      expect(await target.head()).toEqual(await source.head());
      expect(await target.streamVersion("thing-1")).toBe(5);
      const next = await target.appendToStream("thing-2", changes(1), { expectedVersion: 2, meta: metaAt(30) });
      expect(isRight(next)).toBe(true);
      await expectChainValid(target);
    });

    it("refuses a tampered import at the edited position and writes nothing", async () => {
      const source = await seeded();
      const log = await everything(source);
      const tampered = log.map((event) => (event.position === 4 ? { ...event, data: { size: 3 } } : event));
      const target = await context.store();
      const imported = await target.importLog(tampered);
      expect(isLeft(imported) && imported.left).toMatchObject({ code: "chain_rejected", position: 4 });
      expect(await everything(target)).toEqual([]);
      expect((await target.head()).position).toBe(0);
    });

    it("refuses an import whose envelope could never be read back (no actor, a position that is not a number), naming the position, and writes nothing", async () => {
      const log = await everything(await seeded());
      const withoutActor = log.map((event) => (event.position === 3 ? ({ ...event, meta: { ...event.meta, actor: undefined } } as unknown as RecordedEvent) : event));
      const badPosition = log.map((event, index) => (index === 5 ? { ...event, position: "six" as unknown as number } : event));
      const target = await context.store();
      const refused = [await target.importLog(withoutActor), await target.importLog(badPosition)];
      expect(refused.map((imported) => isLeft(imported) && imported.left)).toEqual([
        expect.objectContaining({ code: "chain_rejected", position: 3, message: expect.stringContaining("import refused at position 3") }),
        expect.objectContaining({ code: "chain_rejected", position: 6, message: expect.stringContaining("import refused at position 6") }),
      ]);
      expect(await everything(target)).toEqual([]);
      expect((await target.head()).position).toBe(0);
    });
  });
}
