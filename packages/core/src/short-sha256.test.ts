import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leafHashOf } from "./merkle-hash.js";
import { SHORT_SHA256_MAX_BYTES, shortSha256 } from "./short-sha256.js";

const nodeSha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const short = (bytes: Uint8Array): string => {
  const out = new Uint8Array(32);
  shortSha256(bytes, out);
  return Buffer.from(out).toString("hex");
};

describe("shortSha256", () => {
  it("gives node:crypto's SHA-256 for every input length it takes, 0 to 119 bytes (one block and two, at each padding edge)", () => {
    for (let length = 0; length <= SHORT_SHA256_MAX_BYTES; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 151 + length * 7) & 0xff);
      expect(short(bytes), `${length} bytes`).toBe(nodeSha256(bytes));
    }
  });

  it("gives node:crypto's SHA-256 for any input up to 119 bytes, and the FIPS 180-4 examples", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: SHORT_SHA256_MAX_BYTES }), (bytes) => {
        expect(short(bytes)).toBe(nodeSha256(bytes));
      }),
      { numRuns: 5000 },
    );
    expect(short(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(short(new Uint8Array(0))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(short(Buffer.from("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  it("writes at an offset and refuses an input it cannot take", () => {
    const out = new Uint8Array(40).fill(7);
    shortSha256(Buffer.from("abc"), out, 8);
    expect(Buffer.from(out.subarray(8)).toString("hex")).toBe(nodeSha256(Buffer.from("abc")));
    expect([...out.subarray(0, 8)]).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
    expect(() => shortSha256(new Uint8Array(SHORT_SHA256_MAX_BYTES + 1), out)).toThrow(RangeError);
  });
});

describe("leafHashOf", () => {
  it("is SHA-256(0x00 ‖ the hash's 32 bytes) and refuses anything but 64 lowercase hex digits", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const hex = Buffer.from(bytes).toString("hex");
        expect(leafHashOf(hex).toString("hex")).toBe(nodeSha256(Buffer.concat([Buffer.from([0]), bytes])));
      }),
      { numRuns: 2000 },
    );
    for (const bad of ["A".repeat(64), "g".repeat(64), "0".repeat(63), "0".repeat(65), `${"0".repeat(63)} `, `${"0".repeat(62)}\u00e9`]) expect(() => leafHashOf(bad), bad).toThrow(TypeError);
  });
});
