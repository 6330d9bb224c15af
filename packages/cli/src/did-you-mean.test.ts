import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "./did-you-mean.js";

describe("did you mean", () => {
  it("counts insertions, deletions, substitutions and neighbour swaps as one edit each", () => {
    expect(editDistance("verify", "verify")).toBe(0);
    expect(editDistance("verfy", "verify")).toBe(1);
    expect(editDistance("vreify", "verify")).toBe(1);
    expect(editDistance("cmbd", "cmdb")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("is a distance: zero only for equal words, symmetric, at most the longer word's length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it("suggests the only candidate a word begins, or the nearest within a typo's reach, and nothing when unsure", () => {
    const commands = ["verify", "replay", "readiness", "report", "trail", "cmdb", "diff"];
    expect(didYouMean("verfy", commands)).toBe("verify");
    expect(didYouMean("readines", commands)).toBe("readiness");
    expect(didYouMean("cmbd", commands)).toBe("cmdb");
    expect(didYouMean("re", commands)).toBeUndefined();
    expect(didYouMean("frobnicate", commands)).toBeUndefined();
    expect(didYouMean("--timelin", ["--timeline", "--json", "--as-of"])).toBe("--timeline");
    expect(didYouMean("rxport", ["report", "export"])).toBeUndefined();
  });
});
