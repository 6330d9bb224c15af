import type { ReadModelRecord, ReadModelSnapshotStore, ReadModelSnapshotWrite, StoredReadModelSnapshot } from "@handover/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** Makes a fresh, empty read-model snapshot store for one test, and closes it after. */
export type MakeReadModelSnapshotStore = () => Promise<{ readonly store: ReadModelSnapshotStore; readonly close: () => Promise<void> }>;

interface Step {
  readonly gap: number;
  readonly changed: readonly { readonly collection: "a" | "b"; readonly key: string; readonly body: string }[];
}

const arbitraryStep: fc.Arbitrary<Step> = fc.record({
  gap: fc.integer({ min: 1, max: 50 }),
  changed: fc.array(fc.record({ collection: fc.constantFrom("a" as const, "b" as const), key: fc.constantFrom("k1", "k2", "k3", "é 4", "k'5"), body: fc.json() }), { maxLength: 6 }),
});

/** The writes of a run of steps: positions growing by each gap, times one minute per position, ordinals by first appearance in each collection. */
function writesOf(name: string, steps: readonly Step[]): ReadModelSnapshotWrite[] {
  const ordinals = new Map<string, number>();
  let position = 0;
  return steps.map((step, index) => {
    position += step.gap;
    const latest = new Map<string, ReadModelRecord>();
    for (const { collection, key, body } of step.changed) {
      const id = `${collection}\u0000${key}`;
      if (!ordinals.has(id)) ordinals.set(id, [...ordinals.keys()].filter((seen) => seen.startsWith(`${collection}\u0000`)).length);
      latest.set(id, { collection, key, ordinal: ordinals.get(id) as number, body });
    }
    const time = new Date(Date.UTC(2026, 0, 1) + position * 60_000).toISOString();
    return { name, position, occurredUntil: time, recordedUntil: time, header: JSON.stringify({ step: index }), changed: [...latest.values()] };
  });
}

/** What each collection holds once these writes are saved, by key, with ordinals. */
function expectedAfter(writes: readonly ReadModelSnapshotWrite[], collection: string): [string, string][] {
  const held = new Map<string, { ordinal: number; body: string }>();
  for (const write of writes) for (const record of write.changed) if (record.collection === collection) held.set(record.key, { ordinal: record.ordinal, body: record.body });
  return [...held].sort(([, a], [, b]) => a.ordinal - b.ordinal).map(([key, { body }]) => [key, body]);
}

/**
 * The behaviour every `ReadModelSnapshotStore` must have: each snapshot reads as it stood
 * (records saved later do not show through), the latest that fits a range is the one
 * loaded, saves go in log order, and records keep their order and text.
 */
export function readModelSnapshotConformance(name: string, make: MakeReadModelSnapshotStore): void {
  describe(`${name} conforms to ReadModelSnapshotStore`, () => {
    it("reads every snapshot as it stood when it was saved, whatever was saved after it", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(arbitraryStep, { minLength: 1, maxLength: 6 }), async (steps) => {
          const { store, close } = await make();
          try {
            const writes = writesOf("model@1", steps);
            for (const write of writes) expect(await store.save(write)).toEqual({ _tag: "Right", right: undefined });
            for (let index = 0; index < writes.length; index++) {
              const write = writes[index] as ReadModelSnapshotWrite;
              const loaded = await store.load("model@1", { toPosition: write.position });
              expect(loaded).toMatchObject({ name: "model@1", position: write.position, occurredUntil: write.occurredUntil, recordedUntil: write.recordedUntil, header: write.header });
              const upTo = writes.slice(0, index + 1);
              for (const collection of ["a", "b"]) {
                const expected = expectedAfter(upTo, collection);
                expect([...(loaded?.records(collection) ?? [])]).toEqual(expected);
                for (const key of ["k1", "k2", "k3", "é 4", "k'5"]) expect(loaded?.record(collection, key)).toBe(expected.find(([held]) => held === key)?.[1]);
              }
            }
          } finally {
            await close();
          }
        }),
        { numRuns: 25 },
      );
    });

    it("reads each snapshot as it stood when loads and saves interleave, and a snapshot loaded earlier keeps reading as it stood", async () => {
      // Stores that hold the records of a snapshot they opened (PostgreSQL's) must move on to later ones and back to earlier ones without mixing them.
      const arbitraryRun = fc.array(fc.tuple(arbitraryStep, fc.array(fc.nat(), { maxLength: 3 })), { minLength: 1, maxLength: 6 });
      await fc.assert(
        fc.asyncProperty(arbitraryRun, async (run) => {
          const { store, close } = await make();
          try {
            const writes = writesOf("model@1", run.map(([step]) => step));
            const loaded: { readonly upTo: number; readonly snapshot: StoredReadModelSnapshot }[] = [];
            const expectAsSaved = ({ upTo, snapshot }: (typeof loaded)[number]): void => {
              expect(snapshot.position).toBe(writes[upTo]?.position);
              for (const collection of ["a", "b"]) {
                const expected = expectedAfter(writes.slice(0, upTo + 1), collection);
                expect([...snapshot.records(collection)]).toEqual(expected);
                for (const key of ["k1", "k2", "k3", "é 4", "k'5"]) expect(snapshot.record(collection, key)).toBe(expected.find(([held]) => held === key)?.[1]);
              }
            };
            for (let index = 0; index < writes.length; index++) {
              await store.save(writes[index] as ReadModelSnapshotWrite);
              for (const pick of (run[index] as (typeof run)[number])[1]) {
                const upTo = pick % (index + 1);
                const snapshot = await store.load("model@1", { toPosition: (writes[upTo] as ReadModelSnapshotWrite).position });
                if (snapshot === undefined) throw new Error(`no snapshot fits position ${writes[upTo]?.position}`);
                loaded.push({ upTo, snapshot });
                expectAsSaved(loaded[loaded.length - 1] as (typeof loaded)[number]);
              }
            }
            for (const each of loaded) expectAsSaved(each);
          } finally {
            await close();
          }
        }),
        { numRuns: 25 },
      );
    });

    it("loads the latest snapshot that fits the range: by position, by occurred time and by recorded time", async () => {
      const { store, close } = await make();
      try {
        const writes = writesOf("model@1", [{ gap: 10, changed: [] }, { gap: 10, changed: [] }, { gap: 10, changed: [] }]);
        for (const write of writes) await store.save(write);
        expect((await store.load("model@1"))?.position).toBe(30);
        expect((await store.load("model@1", { toPosition: 29 }))?.position).toBe(20);
        expect((await store.load("model@1", { until: writes[1]?.occurredUntil as string }))?.position).toBe(20);
        expect((await store.load("model@1", { recordedUntil: "2026-01-01T00:15:00.000Z" }))?.position).toBe(10);
        expect(await store.load("model@1", { toPosition: 9 })).toBeUndefined();
        expect(await store.load("other@1")).toBeUndefined();
      } finally {
        await close();
      }
    });

    it("refuses a malformed snapshot with the field that is wrong, and writes none of it", async () => {
      const { store, close } = await make();
      try {
        const [valid] = writesOf("model@1", [{ gap: 10, changed: [{ collection: "a", key: "k1", body: "1" }] }]) as [ReadModelSnapshotWrite];
        const record = { collection: "a", key: "k1", ordinal: 0, body: "1" };
        const malformed: readonly [unknown, string][] = [
          [{ ...valid, changed: [record, { ...record, body: "2" }] }, "changed[1]"],
          [{ ...valid, position: Number.NaN }, "position"],
          [{ ...valid, position: 2 ** 63 }, "position"],
          [{ ...valid, occurredUntil: "2026-01-01T01:00:00+01:00" }, "occurredUntil"],
          [{ ...valid, recordedUntil: "yesterday" }, "recordedUntil"],
          [{ ...valid, header: "{not json" }, "header"],
          [{ ...valid, changed: [{ ...record, body: 1 }] }, "changed[0].body"],
          [{ ...valid, changed: [{ ...record, key: "k\ud800" }] }, "changed[0].key"],
          [{ ...valid, changed: [{ ...record, collection: "a\u0000" }] }, "changed[0].collection"],
          [{ ...valid, changed: [{ ...record, ordinal: -1 }] }, "changed[0].ordinal"],
          [{ ...valid, changed: "all of them" }, "changed"],
          [{ ...valid, name: "" }, "name"],
          [null, "snapshot"],
          [
            Object.defineProperty({ ...valid }, "header", {
              get() {
                throw new Error("unreadable");
              },
              enumerable: true,
            }),
            "snapshot",
          ],
        ];
        for (const [snapshot, path] of malformed) {
          const refused = await store.save(snapshot as ReadModelSnapshotWrite);
          expect(refused, path).toMatchObject({ _tag: "Left", left: { kind: "invalid_snapshot", path } });
          if (refused._tag === "Left") expect(refused.left.message, path).toContain(path);
        }
        expect(await store.load("model@1")).toBeUndefined();
        expect(await store.save(valid)).toEqual({ _tag: "Right", right: undefined });
        expect((await store.load("model@1"))?.record("a", "k1")).toBe("1");
      } finally {
        await close();
      }
    });

    it("refuses a snapshot that is not after the latest of its name, and writes none of it", async () => {
      const { store, close } = await make();
      try {
        const [first, second] = writesOf("model@1", [{ gap: 10, changed: [{ collection: "a", key: "k1", body: "1" }] }, { gap: 10, changed: [] }]) as [ReadModelSnapshotWrite, ReadModelSnapshotWrite];
        await store.save(second);
        const refused = await store.save({ ...first, changed: [{ collection: "a", key: "k1", ordinal: 0, body: "2" }] });
        expect(refused).toMatchObject({ _tag: "Left", left: { kind: "not_after_latest", name: "model@1", position: 10, latest: 20 } });
        expect((await store.load("model@1"))?.record("a", "k1")).toBeUndefined();
        expect(await store.save({ ...second, position: 20 })).toMatchObject({ _tag: "Left" });
        expect(await store.save({ ...first, name: "other@1" })).toEqual({ _tag: "Right", right: undefined });
      } finally {
        await close();
      }
    });
  });
}
