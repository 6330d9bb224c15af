import { isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { changes, expectChainValid, metaAt } from "./conformance-support.js";
import type { ConformanceContext } from "./store-conformance.js";

/** Conformance: racing appends on one stream, parallel appends on many, a chain that stays linear. */
export function concurrencyConformance(context: ConformanceContext): void {
  describe("concurrency", () => {
    it("lets exactly one of racing appends with the same expected version win", async () => {
      const store = await context.store();
      await store.appendToStream("thing-1", changes(1), { expectedVersion: "no_stream", meta: metaAt(1) });
      const racers = Array.from({ length: 8 }, (_, index) =>
        store.appendToStream("thing-1", changes(2, (index % 3) + 1), { expectedVersion: 1, meta: metaAt(2 + index) }),
      );
      const results = await Promise.all(racers);
      const winners = results.filter(isRight);
      expect(winners).toHaveLength(1);
      expect(results.filter((result) => result._tag === "Left").every((result) => result._tag === "Left" && result.left.code === "version_conflict")).toBe(true);
      expect(await store.streamVersion("thing-1")).toBe(3);
      const log = await expectChainValid(store);
      expect(log).toHaveLength(3);
    });

    it("keeps positions gapless and the chain linear under parallel appends to many streams", async () => {
      const store = await context.store();
      const writers = Array.from({ length: 12 }, (_, index) =>
        store.appendToStream(`thing-${index % 4}`, changes(3), { expectedVersion: "any", meta: metaAt(index) }),
      );
      const results = await Promise.all(writers);
      expect(results.every(isRight)).toBe(true);
      const log = await expectChainValid(store);
      expect(log).toHaveLength(36);
      expect(new Set(log.map((event) => event.eventId)).size).toBe(36);
      for (let stream = 0; stream < 4; stream++) {
        const versions = log.filter((event) => event.streamId === `thing-${stream}`).map((event) => event.version);
        expect(versions).toEqual(Array.from({ length: 9 }, (_, index) => index + 1));
      }
    });
  });
}
