import type { Clock } from "@handover/core";
import { isLeft } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { changes, everything, expectChainValid, metaAt } from "./conformance-support.js";
import type { ConformanceContext } from "./store-conformance.js";

/** Clocks that give a valid time in another ISO-8601 form than the canonical one, and the record time each must be stored as. */
const OTHER_FORMS: readonly (readonly [given: string, stored: string])[] = [
  ["2026-01-05T09:00:00Z", "2026-01-05T09:00:00.000Z"],
  ["2026-01-05T10:00:00+01:00", "2026-01-05T09:00:00.000Z"],
  ["2026-01-05T09:00:00.5Z", "2026-01-05T09:00:00.500Z"],
  ["2026-01-05T04:00:00.123456-05:00", "2026-01-05T09:00:00.123Z"],
];

/** Conformance: a store never writes what it cannot read back, whatever form of time its clock gives. */
export function clockConformance(context: ConformanceContext): void {
  describe("the store's clock", () => {
    for (const [given, stored] of OTHER_FORMS) {
      it(`records a clock's ${given} as ${stored}, and reads it back`, async () => {
        const store = await context.storeWithClock(() => given);
        const appended = await store.appendToStream("thing-1", changes(2), { expectedVersion: "no_stream", meta: metaAt(1) });
        expect(isLeft(appended) ? appended.left : appended.right.events.map((event) => event.recordedAt)).toEqual([stored, stored]);
        expect((await everything(store)).map((event) => event.recordedAt)).toEqual([stored, stored]);
        await expectChainValid(store);
      });
    }

    it("refuses an append when the clock gives something that is not a time, naming it, and writes nothing", async () => {
      const broken: Clock = () => "yesterday";
      const store = await context.storeWithClock(broken);
      const appended = await store.appendToStream("thing-1", changes(1), { expectedVersion: "no_stream", meta: metaAt(1) });
      expect(isLeft(appended) && appended.left).toMatchObject({ code: "invalid_clock", path: "recordedAt", message: expect.stringContaining('"yesterday"') });
      expect(await everything(store)).toEqual([]);
    });
  });
}
