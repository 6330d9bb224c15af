import { describe, expect, it } from "vitest";
import { LOADABLE_IDS, loadWorkload } from "./loaders.js";
import { workloads } from "./registry.js";

describe("a trial process loads only its own workload's module", () => {
  it("every workload the registry runs loads by its id, as the very object the registry holds", async () => {
    for (const workload of workloads) expect(await loadWorkload(workload.id), workload.id).toBe(workload);
  });

  it("names no workload the registry does not run, and none twice", () => {
    expect([...LOADABLE_IDS].sort()).toEqual(workloads.map((workload) => workload.id).sort());
  });

  it("an unknown id loads nothing", async () => {
    expect(await loadWorkload("w7")).toBeUndefined();
  });
});
