import { describe, expect, it } from "vitest";
import { median, pairwiseRatios, spreadOf } from "./stats.js";

describe("statistics of runs", () => {
  it("takes the median of odd and even counts", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spreadOf([3, 9, 1])).toEqual({ median: 3, min: 1, max: 9 });
  });

  it("pairs runs by index and leaves out a pair where either side failed", () => {
    expect(pairwiseRatios([10, 20, null, 40], [5, null, 10, 20])).toEqual([2, 2]);
  });
});
