import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { benchRoot, findBenchRoot } from "./bench-root.js";

const made: string[] = [];
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("the bench package's folder", () => {
  it("is the folder of the package.json named @handover/bench, however deep the module sits", () => {
    const root = mkdtempSync(join(tmpdir(), "bench-root-"));
    made.push(root);
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "@handover/bench" }));
    // A package.json of another name on the way up (a nested package) is passed over.
    mkdirSync(join(root, "dist", "nested"), { recursive: true });
    writeFileSync(join(root, "dist", "package.json"), JSON.stringify({ name: "something-else" }));
    expect(findBenchRoot(join(root, "dist", "nested"))).toBe(root);
    expect(findBenchRoot(join(root, "dist"))).toBe(root);
    expect(findBenchRoot(root)).toBe(root);
  });

  it("names the folder it started from when no bench package is above it", () => {
    const lonely = mkdtempSync(join(tmpdir(), "no-bench-"));
    made.push(lonely);
    expect(() => findBenchRoot(lonely)).toThrow(`no package.json named @handover/bench above ${lonely}`);
  });

  it("is bench/ when this code runs from its sources", () => {
    expect(benchRoot.endsWith("bench")).toBe(true);
    expect(join(benchRoot, "src", "harness")).toBe(import.meta.dirname);
  });
});
