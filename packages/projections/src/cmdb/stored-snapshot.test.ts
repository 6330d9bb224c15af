import { fc, test } from "@fast-check/vitest";
import { createInMemoryReadModelSnapshotStore, type ReadModelSnapshotStore, type RecordedEvent } from "@handover/core";
import { describe, expect, it } from "vitest";
import { arbitraryCmdbSteps, cmdbLogOf } from "../fixtures/random-cmdb-log.js";
import { cmdbAsOf, cmdbProjection } from "./projection.js";
import type { Cmdb } from "./types.js";
import { snapshotCmdb } from "./snapshot.js";
import { loadCmdbSnapshot, saveCmdbSnapshot } from "./stored-snapshot.js";

const histories = arbitraryCmdbSteps.map(cmdbLogOf).chain((log) => fc.tuple(fc.constant(log), fc.uniqueArray(fc.nat({ max: log.length }), { maxLength: 4 }).map((cuts) => cuts.sort((a, b) => a - b))));

/** A store that counts the records read from it, one at a time and whole collections. */
function countingStore(): { store: ReadModelSnapshotStore; reads: { record: number; records: number } } {
  const inner = createInMemoryReadModelSnapshotStore();
  const reads = { record: 0, records: 0 };
  return {
    reads,
    store: {
      save: (snapshot) => inner.save(snapshot),
      load: async (name, range) => {
        const loaded = await inner.load(name, range);
        if (loaded === undefined) return undefined;
        return {
          ...loaded,
          record: (collection, key) => {
            reads.record++;
            return loaded.record(collection, key);
          },
          records: (collection) => {
            reads.records++;
            return loaded.records(collection);
          },
        };
      },
    },
  };
}

/** A CMDB with its index as a plain Map, to compare by content (a resumed index is a lazy subclass of Map, and toEqual compares classes). */
function plain(cmdb: Cmdb): Cmdb {
  return { ...cmdb, byId: new Map(cmdb.byId) };
}

/** Saves a snapshot of the CMDB at each cut, in order, to one store. */
async function saveAtCuts(store: ReadModelSnapshotStore, log: readonly RecordedEvent[], cuts: readonly number[]): Promise<void> {
  const projection = cmdbProjection();
  const state = projection.init();
  let applied = 0;
  for (const cut of cuts) {
    for (; applied < cut; applied++) projection.apply(state, log[applied] as RecordedEvent);
    const saved = await saveCmdbSnapshot(store, snapshotCmdb(state));
    expect(saved._tag === "Right" || cut === 0).toBe(true);
  }
}

describe("CMDB snapshots kept in a read-model snapshot store", () => {
  test.prop([histories], { numRuns: 40 })("resuming from each stored snapshot gives the CMDB of the whole log, and of the log cut at it", async ([log, cuts]) => {
    const { store } = countingStore();
    await saveAtCuts(store, log, cuts);
    const whole = cmdbAsOf(log);
    for (const cut of cuts) {
      const snapshot = await loadCmdbSnapshot(store, { toPosition: cut });
      if (snapshot === undefined) continue;
      expect(plain(cmdbAsOf(log.slice(snapshot.position), { snapshot }))).toEqual(whole);
      expect(plain(cmdbAsOf(log, { snapshot, toPosition: cut }))).toEqual(cmdbAsOf(log, { toPosition: cut }));
    }
  });

  test.prop([histories], { numRuns: 40 })("a query reads from the store only the records the events after the snapshot touch, until the whole CMDB is listed", async ([log, cuts]) => {
    const { store, reads } = countingStore();
    await saveAtCuts(store, log, cuts);
    const snapshot = await loadCmdbSnapshot(store);
    fc.pre(snapshot !== undefined);
    const tail = log.slice(snapshot?.position);
    const mentioned = new Set(tail.flatMap((event) => JSON.stringify(event.data).match(/"[^"]*"/g) ?? []).map((quoted) => quoted.slice(1, -1)));
    const cmdb = cmdbAsOf(tail, { snapshot });
    expect(reads.records).toBe(0);
    expect(reads.record).toBeLessThanOrEqual(mentioned.size);
    const whole = cmdbAsOf(log);
    for (const ci of whole.cis) expect(cmdb.byId.get(ci.ciId)).toEqual(ci);
    expect(cmdb.byId.size).toBe(whole.byId.size);
    expect(cmdb.cis).toEqual(whole.cis);
    expect(cmdb.baselines).toEqual(whole.baselines);
    expect(cmdb.cis.every((ci) => Object.isFrozen(ci) && Object.isFrozen(ci.attributes))).toBe(true);
  });

  it("refuses a snapshot that stands before the latest kept, and a stored snapshot that holds events the range leaves out", async () => {
    const log = cmdbLogOf(fc.sample(arbitraryCmdbSteps.filter((steps) => cmdbLogOf(steps).length > 4), { numRuns: 1, seed: 7 })[0] ?? []);
    const store = createInMemoryReadModelSnapshotStore();
    await saveAtCuts(store, log, [4]);
    const early = await saveCmdbSnapshot(store, snapshotCmdb(cmdbProjection().init()));
    expect(early).toMatchObject({ _tag: "Left", left: { kind: "not_after_latest", latest: 4 } });
    const snapshot = await loadCmdbSnapshot(store);
    if (snapshot === undefined) throw new Error("the snapshot saved at 4 was not found");
    expect(snapshot.position).toBe(4);
    expect(() => cmdbAsOf(log, { snapshot, toPosition: 2 })).toThrow(/does not fit/);
    expect(await loadCmdbSnapshot(store, { toPosition: 3 })).toBeUndefined();
    await expect(saveCmdbSnapshot(store, { ...snapshotCmdb(cmdbProjection().init()), revision: 1 })).rejects.toThrow(/revision 1 is not 2/);
  });
});
