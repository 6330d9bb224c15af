import * as crypto from "node:crypto";
import { SHORT_SHA256_MAX_BYTES, shortSha256 } from "./short-sha256.js";

/**
 * sha256 of bytes into a fresh 32-byte buffer: the tree's short inputs in JavaScript
 * (`shortSha256`, several times faster than a native call for them), anything longer
 * through Node's one-shot hash.
 */
function sha256(bytes: Uint8Array): Buffer {
  if (bytes.length <= SHORT_SHA256_MAX_BYTES) {
    const out = Buffer.allocUnsafe(32);
    shortSha256(bytes, out);
    return out;
  }
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
  if (!writeHexHash(eventHash, leafInput, 1)) throw new TypeError(`leafHashOf: "${eventHash}" is not a hash (64 lowercase hex digits)`);
  return sha256(leafInput);
}

/** The value of each lowercase hex digit by its character code; -1 for anything else. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) HEX_VALUE["0123456789abcdef".charCodeAt(digit)] = digit;

/** Writes a 64-digit lowercase hex hash as 32 bytes at `offset`, checking every digit as it goes; false (bytes undefined) when it is not one. */
function writeHexHash(hex: string, into: Uint8Array, offset: number): boolean {
  if (hex.length !== 64) return false;
  for (let index = 0; index < 32; index++) {
    const high = HEX_VALUE[hex.charCodeAt(index * 2)] ?? -1;
    const low = HEX_VALUE[hex.charCodeAt(index * 2 + 1)] ?? -1;
    if (high < 0 || low < 0) return false;
    into[offset + index] = (high << 4) | low;
  }
  return true;
}

/** `leafHashOf` written into `out` (32 bytes) instead of a new buffer; false, writing nothing, when the text is not a hash. */
export function writeLeafHashOf(eventHash: string, out: Uint8Array): boolean {
  if (!writeHexHash(eventHash, leafInput, 1)) return false;
  shortSha256(leafInput, out);
  return true;
}

/** `nodeHash` written into `out` (32 bytes, which may be `left` or `right`: both are copied first). */
export function writeNodeHash(left: Uint8Array, right: Uint8Array, out: Uint8Array): void {
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  shortSha256(nodeInput, out);
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
