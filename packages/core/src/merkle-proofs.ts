import { fromHex, isPowerOfTwo, nodeHash, splitPoint } from "./merkle-hash.js";
import { MerkleFrontier, STORED_NODE_LEVEL } from "./merkle-tree.js";

/**
 * What a proof is built from: the log's leaf hashes by position, and the complete subtree
 * roots a store keeps (from `STORED_NODE_LEVEL` up). Every store hands one out; a proof
 * then reads O(log n) nodes and at most 256 leaves a subtree.
 */
export interface MerkleNodeSource {
  /** The leaf hashes of the events at positions `from` to `to` (1-based, both inclusive), in order (see `leafHashOf`). */
  leafHashes(from: number, to: number): Promise<readonly Buffer[]>;
  /** The root (hex) of the complete subtree at `level` and `index` when the store keeps it; undefined otherwise. */
  storedNode(level: number, index: number): Promise<string | undefined>;
}

/** The root of leaves `start` (inclusive) to `end` (exclusive), 0-based, from a node source: RFC 9162 MTH(D[start:end]). */
export async function subtreeRoot(source: MerkleNodeSource, start: number, end: number): Promise<Buffer> {
  const size = end - start;
  if (size <= 2 ** STORED_NODE_LEVEL) {
    const frontier = new MerkleFrontier();
    for (const leaf of await source.leafHashes(start + 1, end)) frontier.addLeaf(leaf);
    if (frontier.size !== size) throw new RangeError(`subtreeRoot: the log has no events at positions ${start + 1} to ${end}`);
    return frontier.root();
  }
  if (isPowerOfTwo(size) && start % size === 0) {
    const stored = await source.storedNode(Math.log2(size), start / size);
    const hash = stored === undefined ? undefined : fromHex(stored);
    if (hash !== undefined) return hash;
  }
  const k = splitPoint(size);
  return nodeHash(await subtreeRoot(source, start, start + k), await subtreeRoot(source, start + k, end));
}

/** The inclusion path of leaf `index` (0-based) in the tree of the first `size` leaves: RFC 9162 §2.1.3.1 PATH, leaf side first. */
export async function inclusionPath(source: MerkleNodeSource, index: number, size: number): Promise<Buffer[]> {
  if (!(Number.isSafeInteger(index) && index >= 0 && index < size)) throw new RangeError(`inclusionPath: leaf ${index} is not in a tree of ${size}`);
  const path: Buffer[] = [];
  let start = 0;
  let end = size;
  const siblings: (() => Promise<Buffer>)[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    const middle = start + k;
    if (index < middle) {
      const [from, to] = [middle, end];
      siblings.push(() => subtreeRoot(source, from, to));
      end = middle;
    } else {
      const [from, to] = [start, middle];
      siblings.push(() => subtreeRoot(source, from, to));
      start = middle;
    }
  }
  for (const sibling of siblings.reverse()) path.push(await sibling());
  return path;
}

/** The consistency proof from the tree of `oldSize` leaves to the tree of `newSize`: RFC 9162 §2.1.4.1 PROOF. */
export async function consistencyPath(source: MerkleNodeSource, oldSize: number, newSize: number): Promise<Buffer[]> {
  if (!(Number.isSafeInteger(oldSize) && oldSize >= 1 && oldSize <= newSize)) throw new RangeError(`consistencyPath: no proof from ${oldSize} to ${newSize} leaves`);
  const parts: (() => Promise<Buffer>)[] = [];
  let start = 0;
  let end = newSize;
  let m = oldSize;
  let whole = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    const middle = start + k;
    if (m <= k) {
      const [from, to] = [middle, end];
      parts.push(() => subtreeRoot(source, from, to));
      end = middle;
    } else {
      const [from, to] = [start, middle];
      parts.push(() => subtreeRoot(source, from, to));
      m -= k;
      start = middle;
      whole = false;
    }
  }
  if (!whole) {
    const [from, to] = [start, end];
    parts.push(() => subtreeRoot(source, from, to));
  }
  const proof: Buffer[] = [];
  for (const part of parts.reverse()) proof.push(await part());
  return proof;
}
