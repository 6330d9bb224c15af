import { describe, expect, it } from "vitest";
import type { Workload } from "../workloads/types.js";
import { parseOptions } from "./options.js";
import type { TrialReply, TrialRequest } from "./protocol.js";
import { runBench, withVariants } from "./run-bench.js";

const variant = (id: string): Workload["variants"][number] => ({ id, label: id, setup: async () => async () => ({ operations: 1, summarise: () => "same" }) });
const workload: Workload = {
  id: "toy",
  title: "toy",
  unit: "events",
  fullSize: { streams: 2, perStream: 5 },
  variants: [variant("a"), variant("b"), variant("c")],
  comparisons: [
    { subject: "a", baseline: "b" },
    { subject: "c", baseline: "a" },
  ],
  absoluteTargets: [{ variant: "b", atLeast: 100 }],
  memoryTargets: [{ variant: "c", atMostMb: 256 }],
  note: "",
};

const replied: TrialReply = {
  ok: true,
  measurement: { operations: 10, seconds: 1, perSecond: 10, cpuSeconds: 1, perCpuSecond: 10, loadAverage: { start: 1, end: 1 }, digest: "same", peakRssMb: 50, trialMicros: { start: 0, end: 1 } },
};

describe("running only some variants", () => {
  it("keeps the variants asked for, the comparisons between two of them and their targets", () => {
    const narrowed = withVariants(workload, ["a", "c"]);
    expect(narrowed.variants.map((kept) => kept.id)).toEqual(["a", "c"]);
    expect(narrowed.comparisons).toEqual([{ subject: "c", baseline: "a" }]);
    expect(narrowed.absoluteTargets).toEqual([]);
    expect(narrowed.memoryTargets).toEqual([{ variant: "c", atMostMb: 256 }]);
    expect(withVariants(workload, [])).toBe(workload);
  });

  it("measures only those variants, and names a variant no selected workload has as a problem", async () => {
    const parsed = parseOptions(["--only=w6-1m", "--variants=jsonl-spill-1g,nonesuch", "--runs=1", "--no-warmup", "--scale=0.001"]);
    if (parsed._tag === "Left") throw new Error(parsed.left);
    const asked: TrialRequest[] = [];
    const measure = async (request: TrialRequest): Promise<TrialReply> => {
      asked.push(request);
      return replied;
    };
    const { report, problems } = await runBench(parsed.right, { log: () => undefined, measure });
    expect(asked.map((request) => `${request.workload}/${request.variant}`)).toEqual(["w6-1m/jsonl-spill-1g"]);
    expect(report.results.map((result) => result.variants.map((kept) => kept.id))).toEqual([["jsonl-spill-1g"]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^no variant "nonesuch" in the workloads selected; known: jsonl, sqlite, /);
  });
});
