import { describe, expect, it } from "vitest";
import type { Workload } from "../workloads/types.js";
import type { TrialReply, TrialRequest } from "./protocol.js";
import { runWorkload } from "./run-workload.js";

const variant = (id: string): Workload["variants"][number] => ({ id, label: id, setup: async () => async () => ({ operations: 1, summarise: () => "same" }) });
const workload: Workload = {
  id: "toy",
  title: "toy",
  unit: "events",
  fullSize: { streams: 2, perStream: 5 },
  variants: [variant("a"), variant("b")],
  comparisons: [{ subject: "a", baseline: "b", atLeast: 0.7 }],
  absoluteTargets: [{ variant: "a", atLeast: 100 }],
  note: "",
};
const reply = (perSecond: number, digest = "same"): TrialReply => ({
  ok: true,
  measurement: {
    operations: 10,
    seconds: 10 / perSecond,
    perSecond,
    cpuSeconds: 10 / perSecond,
    perCpuSecond: perSecond,
    loadAverage: { start: 1, end: 1 },
    digest,
    peakRssMb: 50,
    trialMicros: { start: 0, end: 1 },
  },
});

describe("running a workload", () => {
  it("asks for each variant's trial with its own Node options, and for the others' with none", async () => {
    const limited = { ...variant("a"), nodeOptions: ["--max-old-space-size=1024"] };
    const requests: TrialRequest[] = [];
    const measure = async (request: TrialRequest): Promise<TrialReply> => (requests.push(request), reply(100));
    await runWorkload({ ...workload, variants: [limited, variant("b")] }, { runs: 1, size: workload.fullSize, warmUp: undefined, seed: 1, profileDir: undefined, measure, log: () => undefined });
    expect(requests.map((request) => [request.variant, request.nodeOptions])).toEqual([
      ["a", ["--max-old-space-size=1024"]],
      ["b", undefined],
    ]);
  });

  it("alternates the variants run by run and takes each ratio within its pair", async () => {
    const order: string[] = [];
    const rates: Record<string, number[]> = { a: [100, 50, 100], b: [200, 50, 100] };
    const measure = async (request: TrialRequest): Promise<TrialReply> => {
      order.push(request.variant);
      return reply(rates[request.variant]?.shift() ?? 0);
    };
    const result = await runWorkload(workload, { runs: 3, size: workload.fullSize, warmUp: undefined, seed: 1, profileDir: undefined, measure, log: () => undefined });
    expect(order).toEqual(["a", "b", "a", "b", "a", "b"]);
    expect(result.ratios[0]?.ratios).toEqual([0.5, 1, 1]);
    expect(result.ratios[0]?.spread).toEqual({ median: 1, min: 0.5, max: 1 });
    expect(result.absolutes[0]).toMatchObject({ median: 100, atLeast: 100 });
    expect(result.problems).toEqual([]);
  });

  it("reports a crash and variants that disagree, but never slowness", async () => {
    let calls = 0;
    const measure = async (request: TrialRequest): Promise<TrialReply> => {
      calls += 1;
      if (calls === 1) return { ok: false, error: "boom" };
      return reply(0.001, request.variant === "b" ? "other" : "same");
    };
    const result = await runWorkload(workload, { runs: 2, size: workload.fullSize, warmUp: undefined, seed: 1, profileDir: undefined, measure, log: () => undefined });
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toContain("boom");
    expect(result.problems[1]).toContain("disagree");
    expect(result.ratios[0]?.ratios).toHaveLength(1);
  });
});
