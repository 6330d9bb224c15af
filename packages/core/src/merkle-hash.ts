import * as crypto from "node:crypto";

/** sha256 of bytes into a fresh 32-byte buffer, through Node's one-shot hash where it has one. */
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: "buffer") => Buffer }).hash;
function sha256(bytes: Uint8Array): Buffer {
  if (oneShot !== undefined) return oneShot("sha256", bytes, "buffer");
  return crypto.createHash("sha256").update(bytes).digest();
}

/** The root of a tree with no leaves: SHA-256 of nothing (RFC 9162 §2.1.1). */
export const EMPTY_TREE_ROOT: Buffer = sha256(new Uint8Array(0));

const leafInput = Buffer.alloc(33);
const nodeInput = Buffer.alloc(65);
nodeInput[0] = 0x01;
const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * The Merkle leaf of an event: `SHA-256(0x00 ‖ the 32 bytes of its chain hash)` (RFC 9162
 * §2.1.1 leaf hashing, its prefix keeping leaves and nodes apart). The chain hash covers
 * the event's whole canonical line but the hash itself, so the leaf commits to the line.
 */
export function leafHashOf(eventHash: string): Buffer {
  if (!HEX_HASH.test(eventHash)) throw new TypeError(`leafHashOf: "${eventHash}" is not a hash (64 lowercase hex digits)`);
  leafInput.write(eventHash, 1, "hex");
  return sha256(leafInput);
}

/** The leaf hash of any entry: `SHA-256(0x00 ‖ entry)` (RFC 9162 §2.1.1). */
export function leafHash(entry: Uint8Array): Buffer {
  const input = Buffer.alloc(entry.length + 1);
  input.set(entry, 1);
  return sha256(input);
}

/** An interior node: `SHA-256(0x01 ‖ left ‖ right)` (RFC 9162 §2.1.1). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return sha256(nodeInput);
}

/** The largest power of two strictly below `size` (size ≥ 2): where RFC 9162 splits a tree. */
export function splitPoint(size: number): number {
  let k = 1;
  while (k * 2 < size) k *= 2;
  return k;
}

/** Whether a number of leaves is an exact power of two (1, 2, 4, …). */
export function isPowerOfTwo(size: number): boolean {
  return size >= 1 && splitPoint(size + 1) === size;
}

/** A hash as lowercase hex. */
export const toHex = (hash: Uint8Array): string => Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString("hex");

/** A 64-digit hex hash as bytes, or undefined when it is not one. */
export function fromHex(hex: string): Buffer | undefined {
  return HEX_HASH.test(hex) ? Buffer.from(hex, "hex") : undefined;
}
