import { describe, expect, it } from "vitest";
import { sha256Hex } from "./hash-chain.js";
import { toHex } from "./merkle-hash.js";
import { createMemoryMerkleTree } from "./merkle-node-source.js";
import { inclusionPath } from "./merkle-proofs.js";
import { MerkleFrontier, rootOfEvents, STORED_NODE_LEVEL } from "./merkle-tree.js";
import { verifyInclusion } from "./merkle-verify.js";
import { leafHashOf } from "./merkle-hash.js";

const hashes = (count: number, from = 0): string[] => Array.from({ length: count }, (_, index) => sha256Hex(`event ${from + index}`));

describe("the in-memory Merkle tree", () => {
  it("hashes the events added since it was last read when it is read, and gives the tree built event by event", () => {
    const tree = createMemoryMerkleTree();
    const eager = new MerkleFrontier();
    const all = hashes(700);
    for (const [index, hash] of all.entries()) {
      tree.add(hash);
      eager.addEvent(hash);
      if (index === 9 || index === 300) expect(toHex(tree.frontier.root())).toBe(toHex(eager.root()));
    }
    expect(tree.frontier.size).toBe(700);
    expect(toHex(tree.frontier.root())).toBe(toHex(rootOfEvents(all)));
  });

  it("answers a proof's stored nodes without its frontier having been read first", async () => {
    const tree = createMemoryMerkleTree();
    const all = hashes(2 ** STORED_NODE_LEVEL * 3 + 5);
    for (const hash of all) tree.add(hash);
    expect(await tree.storedNode(STORED_NODE_LEVEL, 2)).toBe(toHex(rootOfEvents(all.slice(2 ** STORED_NODE_LEVEL * 2, 2 ** STORED_NODE_LEVEL * 3))));
    const path = await inclusionPath(tree, 600, all.length);
    expect(verifyInclusion(leafHashOf(all[600] as string), 600, all.length, path, rootOfEvents(all))).toBe(true);
  });

  it("refuses a text that is not a chain hash when it is added, keeping nothing of it", () => {
    const tree = createMemoryMerkleTree();
    tree.add(hashes(1)[0] as string);
    expect(() => tree.add("ABC")).toThrow(/leafHashOf: "ABC" is not a hash/);
    expect(() => tree.add("A".repeat(64))).toThrow(TypeError);
    expect(tree.frontier.size).toBe(1);
  });
});
