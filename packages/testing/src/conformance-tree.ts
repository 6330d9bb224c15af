import { buildConsistencyProof, buildInclusionProof, checkProof, EMPTY_TREE_ROOT, formatCheckpoint, inclusionPath, leafHashOf, rootOfEvents, toHex, verifyInclusion, type EventStore, type TreeHead } from "@handover/core";
import { describe, expect, it } from "vitest";
import { buildChainedLog } from "./chain-builder.js";
import { changes, everything, metaAt } from "./conformance-support.js";
import type { ConformanceContext } from "./store-conformance.js";

/** The tree head a store reports checked against the tree computed from its events, with a checkpoint of it. */
async function expectTreeOfLog(store: EventStore): Promise<TreeHead & { text: string }> {
  const log = await everything(store);
  const head = await store.treeHead();
  expect(head.size).toBe(log.length);
  expect(head.root).toBe(toHex(rootOfEvents(log.map((event) => event.hash))));
  expect(head.headHash).toBe((await store.head()).hash);
  const text = formatCheckpoint({ ...head, origin: "conformance/log", time: "2026-02-01T00:00:00.000Z" });
  return { ...head, text };
}

/** Conformance: the Merkle tree every store keeps, its tree head and the proofs built from its nodes. */
export function treeConformance(context: ConformanceContext): void {
  describe("Merkle tree", () => {
    it("reports the empty tree of an empty log", async () => {
      const store = await context.store();
      expect(await store.treeHead()).toEqual({ size: 0, root: toHex(EMPTY_TREE_ROOT), headHash: "0".repeat(64) });
    });

    it("keeps the tree of every append and import level with the log, and proves every event in it", async () => {
      const store = await context.store();
      for (let batch = 0; batch < 6; batch++) {
        await store.appendToStream(`thing-${batch % 2}`, changes(batch + 1), { expectedVersion: "any", meta: metaAt(batch) });
        await expectTreeOfLog(store);
      }
      const head = await store.treeHead();
      const log = await everything(store);
      for (const event of log) {
        const path = await inclusionPath(store.merkleNodes(), event.position - 1, head.size);
        expect(verifyInclusion(leafHashOf(event.hash), event.position - 1, head.size, path, Buffer.from(head.root, "hex"))).toBe(true);
      }
    });

    it("hands out inclusion and consistency proofs that check offline", async () => {
      const store = await context.store();
      await store.appendToStream("thing-1", changes(5), { expectedVersion: "any", meta: metaAt(1) });
      const earlier = await expectTreeOfLog(store);
      await store.appendToStream("thing-2", changes(9), { expectedVersion: "any", meta: metaAt(2) });
      const later = await expectTreeOfLog(store);
      const [, , third] = await everything(store);
      if (third === undefined) throw new Error("the log lost its third event");
      const inclusion = await buildInclusionProof(store.merkleNodes(), later.text, later, third);
      expect(checkProof(inclusion)).toMatchObject({ _tag: "Right" });
      const consistency = await buildConsistencyProof(store.merkleNodes(), { text: earlier.text, head: earlier }, { text: later.text, head: later });
      expect(checkProof(consistency)).toMatchObject({ _tag: "Right" });
    });

    it("grows the tree by an imported log, in one step", async () => {
      const store = await context.store();
      const log = buildChainedLog(Array.from({ length: 300 }, (_, index) => ({ streamId: `thing-${index % 4}`, type: "thing.changed", data: { size: 1 }, meta: metaAt(index) })));
      expect((await store.importLog(log))._tag).toBe("Right");
      const head = await expectTreeOfLog(store);
      expect(head.size).toBe(300);
      const path = await inclusionPath(store.merkleNodes(), 299, 300);
      expect(verifyInclusion(leafHashOf(log[299]?.hash ?? ""), 299, 300, path, Buffer.from(head.root, "hex"))).toBe(true);
    });
  });
}
