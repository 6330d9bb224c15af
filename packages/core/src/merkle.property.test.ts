import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leafHash, toHex } from "./merkle-hash.js";
import { consistencyPath, inclusionPath, subtreeRoot, type MerkleNodeSource } from "./merkle-proofs.js";
import { MerkleFrontier } from "./merkle-tree.js";
import { verifyConsistency, verifyInclusion } from "./merkle-verify.js";

/** The straightforward RFC 9162 §2.1 definitions, recursive over arrays, written apart from the code under test. */
const H = (...parts: Uint8Array[]): Buffer => createHash("sha256").update(Buffer.concat(parts)).digest();
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);
const k = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: readonly Buffer[]): Buffer => (d.length === 0 ? H() : d.length === 1 ? H(LEAF, d[0] as Buffer) : H(NODE, mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length)))));
const path = (m: number, d: readonly Buffer[]): Buffer[] => {
  if (d.length <= 1) return [];
  const split = k(d.length);
  return m < split ? [...path(m, d.slice(0, split)), mth(d.slice(split))] : [...path(m - split, d.slice(split)), mth(d.slice(0, split))];
};
const subproof = (m: number, d: readonly Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const split = k(d.length);
  return m <= split ? [...subproof(m, d.slice(0, split), b), mth(d.slice(split))] : [...subproof(m - split, d.slice(split), false), mth(d.slice(0, split))];
};

/** A node source over raw entries, keeping complete subtrees from level 8 as a store does (or none). */
function sourceOf(entries: readonly Buffer[], keepNodes: boolean): MerkleNodeSource {
  const frontier = new MerkleFrontier();
  const stored = new Map<string, string>();
  for (const entry of entries) frontier.addLeaf(leafHash(entry), keepNodes ? (node) => void stored.set(`${node.level}/${node.index}`, toHex(node.hash)) : undefined);
  return {
    leafHashes: async (from, to) => entries.slice(from - 1, to).map(leafHash),
    storedNode: async (level, index) => stored.get(`${level}/${index}`),
  };
}

const entriesOf = (size: number, seed: number): Buffer[] => Array.from({ length: size }, (_, index) => Buffer.from(`${seed}:${index}`));

// RFC 6962 / 9162 reference vectors (transparency-dev/merkle testonly): leaves, the root for each size, some proofs.
const VECTOR_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map((hex) => Buffer.from(hex, "hex"));
const VECTOR_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

describe("Merkle tree (RFC 9162 §2.1)", () => {
  it("matches the RFC 6962 reference roots, empty tree included", () => {
    expect(toHex(new MerkleFrontier().root())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const frontier = new MerkleFrontier();
    VECTOR_LEAVES.forEach((entry, index) => {
      frontier.addLeaf(leafHash(entry));
      expect(toHex(frontier.root())).toBe(VECTOR_ROOTS[index]);
    });
  });

  it("gives the reference inclusion and consistency proofs", async () => {
    const source = sourceOf(VECTOR_LEAVES, true);
    expect((await inclusionPath(source, 0, 8)).map(toHex)).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect((await inclusionPath(source, 5, 8)).map(toHex)).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect((await consistencyPath(source, 2, 8)).map(toHex)).toEqual(["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]);
    expect((await consistencyPath(source, 2, 5)).map(toHex)).toEqual(["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]);
  });

  it("builds roots and proofs for random sizes equal to the straightforward definitions, and they verify", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1100 }), fc.nat(), fc.nat(), fc.boolean(), async (size, a, b, keepNodes) => {
        const entries = entriesOf(size, size);
        const source = sourceOf(entries, keepNodes);
        const index = a % size;
        const oldSize = (b % size) + 1;
        const root = mth(entries);
        expect(toHex(await subtreeRoot(source, 0, size))).toBe(toHex(root));
        const inclusion = await inclusionPath(source, index, size);
        expect(inclusion.map(toHex)).toEqual(path(index, entries).map(toHex));
        expect(verifyInclusion(leafHash(entries[index] as Buffer), index, size, inclusion, root)).toBe(true);
        const consistency = await consistencyPath(source, oldSize, size);
        expect(consistency.map(toHex)).toEqual(subproof(oldSize, entries, true).map(toHex));
        expect(verifyConsistency(oldSize, size, mth(entries.slice(0, oldSize)), root, consistency)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("refuses forged proofs: wrong sibling order, a short path, another index or size, another leaf, a wrong old root", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 300 }), fc.nat(), fc.nat(), async (size, a, b) => {
        const entries = entriesOf(size, 7);
        const source = sourceOf(entries, true);
        const index = a % size;
        const root = mth(entries);
        const leaf = leafHash(entries[index] as Buffer);
        const proof = await inclusionPath(source, index, size);
        if (proof.length >= 2) {
          const swapped = [proof[1] as Buffer, proof[0] as Buffer, ...proof.slice(2)];
          expect(verifyInclusion(leaf, index, size, swapped, root)).toBe(false);
        }
        expect(verifyInclusion(leaf, index, size, proof.slice(0, -1), root)).toBe(false);
        expect(verifyInclusion(leaf, index, size, [...proof, proof[0] as Buffer], root)).toBe(false);
        expect(verifyInclusion(leaf, (index + 1) % size, size, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, index, size + 1, proof, mth([...entries, Buffer.from("x")]))).toBe(false);
        expect(verifyInclusion(leafHash(Buffer.from("forged")), index, size, proof, root)).toBe(false);
        const oldSize = (b % (size - 1)) + 1;
        const consistency = await consistencyPath(source, oldSize, size);
        const oldRoot = mth(entries.slice(0, oldSize));
        expect(verifyConsistency(oldSize, size, oldRoot, root, consistency)).toBe(true);
        expect(verifyConsistency(oldSize, size, mth([...entries.slice(0, oldSize - 1), Buffer.from("rewritten")]), root, consistency)).toBe(false);
        expect(verifyConsistency(oldSize, size, oldRoot, root, consistency.slice(0, -1))).toBe(false);
        expect(verifyConsistency(oldSize, size, oldRoot, root, [...consistency].reverse())).toBe(consistency.length < 2 || toHex(consistency[0] as Buffer) === toHex(consistency.at(-1) as Buffer));
      }),
      { numRuns: 80 },
    );
  });

  it("keeps its frontier as text and rebuilds it, refusing text that does not fit the size", () => {
    const frontier = new MerkleFrontier();
    for (const entry of entriesOf(13, 1)) frontier.addLeaf(leafHash(entry));
    const back = MerkleFrontier.fromText(13, frontier.toText());
    expect(back && toHex(back.root())).toBe(toHex(frontier.root()));
    expect(MerkleFrontier.fromText(15, frontier.toText())).toBeUndefined();
    expect(MerkleFrontier.fromText(0, "")?.size).toBe(0);
  });

  it("grows the same tree by event hashes with and without hearing of completed nodes, and as the straightforward recursion does", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 600 }), (hashes) => {
        const quiet = new MerkleFrontier();
        const heard = new MerkleFrontier();
        const nodes: string[] = [];
        for (const bytes of hashes) {
          quiet.addEvent(toHex(bytes));
          heard.addEvent(toHex(bytes), (node) => void nodes.push(toHex(node.hash)), 0);
        }
        expect(toHex(quiet.root())).toBe(toHex(heard.root()));
        expect(quiet.toText()).toBe(heard.toText());
        expect(toHex(quiet.root())).toBe(mth(hashes.map((bytes) => Buffer.from(bytes))).toString("hex"));
        expect(nodes.length).toBe(2 * hashes.length - quiet.toText().length / 64);
      }),
      { numRuns: 200 },
    );
    expect(() => new MerkleFrontier().addEvent("A".repeat(64))).toThrow(TypeError);
  });
});
