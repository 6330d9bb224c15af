import { isPowerOfTwo, nodeHash } from "./merkle-hash.js";

const isOdd = (value: number): boolean => value % 2 === 1;
const half = (value: number): number => Math.floor(value / 2);
const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.compare(a, b) === 0;

/**
 * Checks an inclusion proof without the log (RFC 9162 §2.1.3.2): whether `leaf` is leaf
 * `index` of the tree of `size` leaves whose root is `root`, by the given path.
 */
export function verifyInclusion(leaf: Uint8Array, index: number, size: number, path: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && same(r, root);
}

/**
 * Checks a consistency proof without the log (RFC 9162 §2.1.4.2): whether the tree of
 * `newSize` leaves with root `newRoot` extends the tree of `oldSize` leaves with `oldRoot`.
 * Equal sizes are consistent only with an empty path and equal roots.
 */
export function verifyConsistency(oldSize: number, newSize: number, oldRoot: Uint8Array, newRoot: Uint8Array, path: readonly Uint8Array[]): boolean {
  if (!(Number.isSafeInteger(oldSize) && Number.isSafeInteger(newSize) && oldSize >= 1 && oldSize <= newSize)) return false;
  if (oldSize === newSize) return path.length === 0 && same(oldRoot, newRoot);
  if (path.length === 0) return false;
  const proof = isPowerOfTwo(oldSize) ? [oldRoot, ...path] : [...path];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = proof[0] as Uint8Array;
  let sr = fr;
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && same(fr, oldRoot) && same(sr, newRoot);
}
