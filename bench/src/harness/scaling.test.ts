import { describe, expect, it } from "vitest";
import type { Measurement } from "./measure.js";
import type { WorkloadResult } from "./run-workload.js";
import { scalingResults } from "./scaling.js";

const sample = (operations: number, seconds: number, peakRssMb: number): Measurement => ({
  operations,
  seconds,
  perSecond: operations / seconds,
  cpuSeconds: seconds,
  perCpuSecond: operations / seconds,
  loadAverage: { start: 0, end: 0 },
  digest: "d",
  peakRssMb,
  trialMicros: { start: 0, end: 0 },
});

const result = (id: string, perStream: number, samples: Measurement[]): WorkloadResult => ({
  id,
  title: id,
  unit: "events",
  note: "",
  size: { streams: 10, perStream },
  runs: samples.length,
  variants: [{ id: "jsonl", label: "jsonl", perSecond: null, perCpuSecond: null, peakRssMb: null, samples }],
  ratios: [],
  absolutes: [],
  problems: [],
});

const target = { id: "w6", baseline: "w6-1m", subjects: ["w6-10m"], timeFactorAtMost: 1.1, rssFactorAtMost: 1.1 };

describe("scaling verdicts", () => {
  it("meets both when 10× the events take 10.5× the time and 5% more memory", () => {
    const [scaling] = scalingResults([target], [result("w6-1m", 100, [sample(1000, 1, 200), sample(1000, 2, 200), sample(1000, 1, 200)]), result("w6-10m", 1000, [sample(10_000, 10.5, 210)])]);
    expect(scaling?.rows).toEqual([{ workload: "w6-10m", variant: "jsonl", sizeFactor: 10, timePerOperationFactor: 1.05, rssFactor: 1.05, timeMet: true, rssMet: true }]);
  });

  it("misses both when time grows faster than the log and memory with it", () => {
    const [scaling] = scalingResults([target], [result("w6-1m", 100, [sample(1000, 1, 200)]), result("w6-10m", 1000, [sample(10_000, 14, 400)])]);
    expect(scaling?.rows[0]).toMatchObject({ timeMet: false, rssMet: false, timePerOperationFactor: 1.4, rssFactor: 2 });
  });

  it("says nothing when the baseline did not run, and not measured when a size failed", () => {
    expect(scalingResults([target], [result("w6-10m", 1000, [sample(10_000, 10, 200)])])).toEqual([]);
    const [scaling] = scalingResults([target], [result("w6-1m", 100, [sample(1000, 1, 200)]), result("w6-10m", 1000, [])]);
    expect(scaling?.rows[0]).toMatchObject({ timeMet: null, rssMet: null, sizeFactor: 10 });
  });
});
