import { describe, expect, it } from "vitest";
import { StoredCiIndex, type StoredCis } from "./stored-index.js";
import type { CmdbCi } from "./types.js";

function ci(ciId: string): CmdbCi {
  return Object.freeze({ ciId, name: `${ciId} name` }) as unknown as CmdbCi;
}

/** A stored snapshot of two CIs that counts its reads. */
function stored(): StoredCis & { reads: string[] } {
  const records = new Map([["a", ci("a")], ["b", ci("b")]]);
  const reads: string[] = [];
  return {
    reads,
    size: records.size,
    get: (ciId) => {
      reads.push(ciId);
      return records.get(ciId);
    },
    *all() {
      for (const [ciId, record] of records) yield [ciId, () => (reads.push(`all:${ciId}`), record)] as const;
    },
  };
}

describe("StoredCiIndex", () => {
  it("reads a record once, when first asked, and remembers an id the snapshot lacks", () => {
    const source = stored();
    const index = new StoredCiIndex(source);
    expect(index.get("a")?.name).toBe("a name");
    expect(index.has("a")).toBe(true);
    expect(index.get("zz")).toBeUndefined();
    expect(index.has("zz")).toBe(false);
    expect(source.reads).toEqual(["a", "zz"]);
  });

  it("counts, lists and iterates the snapshot's records, then those registered after it, in that order", () => {
    const index = new StoredCiIndex(stored());
    index.set("c", ci("c"));
    index.set("a", ci("a"));
    expect(index.size).toBe(3);
    expect([...index.keys()]).toEqual(["a", "b", "c"]);
    const seen: string[] = [];
    index.forEach((_, ciId) => seen.push(ciId));
    expect(seen).toEqual(["a", "b", "c"]);
  });

  it("copies what it holds and shares the snapshot: a write to the copy leaves the original as it was", () => {
    const source = stored();
    const original = new StoredCiIndex(source);
    original.get("a");
    const copy = original.copy();
    copy.set("c", ci("c"));
    expect(copy.size).toBe(3);
    expect(original.size).toBe(2);
    expect(original.has("c")).toBe(false);
    expect(source.reads).toEqual(["a", "c", "c"]);
  });

  it("refuses to remove a CI", () => {
    const index = new StoredCiIndex(stored());
    expect(() => index.delete("a")).toThrow(/never removes/);
    expect(() => index.clear()).toThrow(/never removes/);
  });
});
