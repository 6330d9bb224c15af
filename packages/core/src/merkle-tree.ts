import { EMPTY_TREE_ROOT, leafHashOf, nodeHash, toHex, writeLeafHashOf, writeNodeHash } from "./merkle-hash.js";

/** Where `addEvent` hashes when nobody hears of the nodes in between: one buffer, so an event allocates only the root it keeps. */
const scratch = new Uint8Array(32);

/** The level from which a store keeps every complete subtree root (subtrees of 256 leaves and up), so a proof reads at most 256 event hashes. */
export const STORED_NODE_LEVEL = 8;

/** A complete subtree that a new leaf finished: its level (0 = a leaf), its index at that level, and its root. */
export interface CompletedNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Buffer;
}

/**
 * The Merkle tree of a log kept incrementally (RFC 9162 §2.1): only the frontier, the
 * roots of the complete subtrees that the size decomposes into (largest first, at most
 * log2(n) + 1 of them). Adding a leaf merges equal subtrees; the root folds the frontier.
 */
export class MerkleFrontier {
  #size: number;
  readonly #roots: Buffer[];

  constructor(size = 0, roots: readonly Buffer[] = []) {
    if (roots.length !== frontierLength(size)) throw new TypeError(`MerkleFrontier: a tree of ${size} leaves has ${frontierLength(size)} frontier roots, not ${roots.length}`);
    this.#size = size;
    this.#roots = [...roots];
  }

  /** How many leaves (events) the tree holds. */
  get size(): number {
    return this.#size;
  }

  /** Adds the leaf of an event by its chain hash; `completed` hears of every subtree it finishes at or above `fromLevel`. */
  addEvent(eventHash: string, completed?: (node: CompletedNode) => void, fromLevel = STORED_NODE_LEVEL): void {
    if (completed !== undefined) {
      this.addLeaf(leafHashOf(eventHash), completed, fromLevel);
      return;
    }
    // Not a hash: leafHashOf throws the TypeError naming it.
    if (!writeLeafHashOf(eventHash, scratch)) leafHashOf(eventHash);
    for (let count = this.#size + 1; count % 2 === 0; count /= 2) writeNodeHash(this.#roots.pop() as Buffer, scratch, scratch);
    this.#roots.push(Buffer.from(scratch));
    this.#size++;
  }

  /** Adds a leaf hash (see `addEvent`). */
  addLeaf(leaf: Buffer, completed?: (node: CompletedNode) => void, fromLevel = STORED_NODE_LEVEL): void {
    let node = leaf;
    let count = this.#size + 1;
    let level = 0;
    if (completed !== undefined && fromLevel === 0) completed({ level, index: this.#size, hash: node });
    while (count % 2 === 0) {
      node = nodeHash(this.#roots.pop() as Buffer, node);
      count /= 2;
      level++;
      if (completed !== undefined && level >= fromLevel) completed({ level, index: count - 1, hash: node });
    }
    this.#roots.push(node);
    this.#size++;
  }

  /** The tree's root (RFC 9162 MTH); SHA-256 of nothing for an empty tree. */
  root(): Buffer {
    const last = this.#roots.length - 1;
    let root = this.#roots[last];
    if (root === undefined) return EMPTY_TREE_ROOT;
    for (let index = last - 1; index >= 0; index--) root = nodeHash(this.#roots[index] as Buffer, root);
    return root;
  }

  /** The frontier as stored text: its roots as hex, largest first, one after another. */
  toText(): string {
    return this.#roots.map(toHex).join("");
  }

  /** A copy that grows on its own. */
  clone(): MerkleFrontier {
    return new MerkleFrontier(this.#size, this.#roots);
  }

  /** The frontier a store kept as text beside its head; undefined when the text does not fit the size. */
  static fromText(size: number, text: string): MerkleFrontier | undefined {
    if (!/^(?:[0-9a-f]{64})*$/.test(text) || text.length !== 64 * frontierLength(size)) return undefined;
    const roots: Buffer[] = [];
    for (let at = 0; at < text.length; at += 64) roots.push(Buffer.from(text.slice(at, at + 64), "hex"));
    return new MerkleFrontier(size, roots);
  }
}

/** How many complete subtrees a tree of `size` leaves decomposes into: the ones in its binary form. */
function frontierLength(size: number): number {
  let ones = 0;
  for (let rest = size; rest > 0; rest = Math.floor(rest / 2)) ones += rest % 2;
  return ones;
}

/** The root of the tree over these event hashes, in order (RFC 9162 MTH). */
export function rootOfEvents(eventHashes: Iterable<string>): Buffer {
  const frontier = new MerkleFrontier();
  for (const hash of eventHashes) frontier.addEvent(hash);
  return frontier.root();
}
