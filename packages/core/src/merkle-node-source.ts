import { leafHashOf } from "./merkle-hash.js";
import type { MerkleNodeSource } from "./merkle-proofs.js";
import { MerkleFrontier, STORED_NODE_LEVEL } from "./merkle-tree.js";

/** A log's Merkle tree held in memory: the chain hashes of its events and the complete subtrees from `STORED_NODE_LEVEL` up. */
export interface MemoryMerkleTree extends MerkleNodeSource {
  readonly frontier: MerkleFrontier;
  /** Adds the next event by its chain hash. */
  add(eventHash: string): void;
}

/** Builds the tree of a log in memory as its events arrive: for the in-memory store, and for proofs over a JSONL file. */
export function createMemoryMerkleTree(): MemoryMerkleTree {
  const frontier = new MerkleFrontier();
  const eventHashes: string[] = [];
  const stored = new Map<string, string>();
  const keep = (node: { level: number; index: number; hash: Buffer }): void => void stored.set(`${node.level}/${node.index}`, node.hash.toString("hex"));
  return {
    frontier,
    add(eventHash) {
      eventHashes.push(eventHash);
      frontier.addEvent(eventHash, keep, STORED_NODE_LEVEL);
    },
    leafHashes: async (from, to) => eventHashes.slice(from - 1, to).map(leafHashOf),
    storedNode: async (level, index) => stored.get(`${level}/${index}`),
  };
}
