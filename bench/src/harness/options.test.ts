import { describe, expect, it } from "vitest";
import { parseOptions } from "./options.js";

describe("bench options", () => {
  it("defaults to five runs at full size", () => {
    const parsed = parseOptions([]);
    expect(parsed._tag === "Right" && parsed.right).toMatchObject({ quick: false, runs: 5, scale: 1, only: [], variants: [] });
  });

  it("makes --quick one run unless runs are given", () => {
    const quick = parseOptions(["--", "--quick"]);
    const quickTwice = parseOptions(["--quick", "--runs=2"]);
    expect(quick._tag === "Right" && quick.right.runs).toBe(1);
    expect(quickTwice._tag === "Right" && quickTwice.right.runs).toBe(2);
  });

  it("reads lists and numbers, and refuses what it does not know", () => {
    const parsed = parseOptions(["--only=w1,w2", "--scale=0.1", "--seed=3"]);
    expect(parsed._tag === "Right" && parsed.right).toMatchObject({ only: ["w1", "w2"], scale: 0.1, seed: 3 });
    expect(parseOptions(["--runs=0"])._tag).toBe("Left");
    expect(parseOptions(["--scale=2"])._tag).toBe("Left");
    expect(parseOptions(["--fast"])._tag).toBe("Left");
    const narrowed = parseOptions(["--only=w6", "--variants=jsonl-spill-1g,sqlite-spill-1g"]);
    expect(narrowed._tag === "Right" && narrowed.right.variants).toEqual(["jsonl-spill-1g", "sqlite-spill-1g"]);
    expect(parseOptions(["--variants="])._tag).toBe("Left");
  });
});
