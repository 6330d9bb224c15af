import { leafHashOf } from "./merkle-hash.js";
import type { MerkleNodeSource } from "./merkle-proofs.js";
import { MerkleFrontier, STORED_NODE_LEVEL } from "./merkle-tree.js";

/** A log's Merkle tree held in memory: the chain hashes of its events and the complete subtrees from `STORED_NODE_LEVEL` up. */
export interface MemoryMerkleTree extends MerkleNodeSource {
  /** The tree over every event added so far (the events added since it was last read are hashed into it first). */
  readonly frontier: MerkleFrontier;
  /** Adds the next event by its chain hash; a text that is not a hash is refused with a TypeError naming it. */
  add(eventHash: string): void;
}

/** A chain hash as the tree takes it: 64 lowercase hex digits (what `leafHashOf` reads). */
const EVENT_HASH = /^[0-9a-f]{64}$/;

/**
 * Builds the tree of a log in memory: for the in-memory store, and for proofs over a JSONL
 * file. Adding an event only keeps its chain hash; the leaves and nodes are hashed when the
 * tree is first read after it (its frontier, a tree head, a proof's nodes), so an append
 * does not pay for a tree nobody reads yet, and a read pays once for every event before it.
 * The tree is the same either way: RFC 9162's, over the events in log order.
 */
export function createMemoryMerkleTree(): MemoryMerkleTree {
  const frontier = new MerkleFrontier();
  const eventHashes: string[] = [];
  const stored = new Map<string, string>();
  const keep = (node: { level: number; index: number; hash: Buffer }): void => void stored.set(`${node.level}/${node.index}`, node.hash.toString("hex"));
  const catchUp = (): MerkleFrontier => {
    for (let index = frontier.size; index < eventHashes.length; index++) frontier.addEvent(eventHashes[index] as string, keep, STORED_NODE_LEVEL);
    return frontier;
  };
  return {
    get frontier() {
      return catchUp();
    },
    add(eventHash) {
      if (typeof eventHash !== "string" || !EVENT_HASH.test(eventHash)) leafHashOf(eventHash);
      eventHashes.push(eventHash);
    },
    leafHashes: async (from, to) => eventHashes.slice(from - 1, to).map(leafHashOf),
    storedNode: async (level, index) => {
      catchUp();
      return stored.get(`${level}/${index}`);
    },
  };
}
