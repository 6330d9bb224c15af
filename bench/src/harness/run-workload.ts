import type { Workload } from "../workloads/types.js";
import type { Measurement } from "./measure.js";
import type { TrialReply, TrialRequest } from "./protocol.js";
import type { Size } from "./size.js";
import { pairwiseRatios, spreadOf, type Spread } from "./stats.js";

/** How a workload is run: how many alternating rounds, at what size, with what warm-up. */
export interface RunPlan {
  readonly runs: number;
  readonly size: Size;
  readonly warmUp: Size | undefined;
  readonly seed: number;
  /** Directory for CPU profiles of every timed trial, when profiling. */
  readonly profileDir: string | undefined;
  /** Measures one request in a fresh process (or, in tests, however the caller likes). */
  readonly measure: (request: TrialRequest) => Promise<TrialReply>;
  readonly log: (line: string) => void;
}

/** One variant's figures over all runs. */
export interface VariantResult {
  readonly id: string;
  readonly label: string;
  readonly perSecond: Spread | null;
  readonly perCpuSecond: Spread | null;
  readonly peakRssMb: Spread | null;
  readonly samples: readonly (Measurement | null)[];
}

/** The subject's throughput over a baseline's, pair by pair. */
export interface RatioResult {
  readonly subject: string;
  readonly baseline: string;
  readonly ratios: readonly number[];
  readonly spread: Spread | null;
  /** The same ratios on CPU time, pair by pair. */
  readonly cpuSpread: Spread | null;
  readonly target: number | null;
}

/** A variant's median throughput against an absolute target. */
export interface AbsoluteResult {
  readonly variant: string;
  readonly atLeast: number;
  readonly median: number | null;
}

/** A variant's median peak RSS against the most it should take. */
export interface MemoryResult {
  readonly variant: string;
  readonly atMostMb: number;
  readonly medianMb: number | null;
}

/** Everything measured for one workload, and what went wrong (crashes, variants that disagree). */
export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly note: string;
  readonly size: Size;
  readonly runs: number;
  readonly variants: readonly VariantResult[];
  readonly ratios: readonly RatioResult[];
  readonly absolutes: readonly AbsoluteResult[];
  readonly memory?: readonly MemoryResult[];
  readonly problems: readonly string[];
}

/**
 * Runs a workload in rounds, each round measuring every variant once in order (A B C A B C
 * ...), so each ratio compares runs taken side by side. Slow machines never fail a run;
 * a crash or variants disagreeing on the result does.
 */
export async function runWorkload(workload: Workload, plan: RunPlan): Promise<WorkloadResult> {
  const samples = new Map<string, (Measurement | null)[]>(workload.variants.map((variant) => [variant.id, []]));
  const problems: string[] = [];
  for (let run = 0; run < plan.runs; run++) {
    for (const variant of workload.variants) {
      const profileTo = plan.profileDir === undefined ? null : `${plan.profileDir}/${workload.id}-${variant.id}-run${run + 1}`;
      const request: TrialRequest = { workload: workload.id, variant: variant.id, size: plan.size, warmUp: plan.warmUp ?? null, seed: plan.seed, profileTo, ...(variant.nodeOptions === undefined ? {} : { nodeOptions: variant.nodeOptions }) };
      const reply = await plan.measure(request);
      samples.get(variant.id)?.push(reply.ok ? reply.measurement : null);
      if (!reply.ok) problems.push(`${workload.id}/${variant.id} run ${run + 1}: ${reply.error}`);
      plan.log(reply.ok ? `  ${workload.id} run ${run + 1}/${plan.runs} ${variant.id}: ${Math.round(reply.measurement.perSecond).toLocaleString("en-US")} ${workload.unit}/s (load ${reply.measurement.loadAverage.start.toFixed(1)})` : `  ${workload.id} run ${run + 1} ${variant.id}: FAILED`);
    }
  }
  const digests = new Set([...samples.values()].flat().flatMap((sample) => (sample === null ? [] : [sample.digest])));
  if (digests.size > 1) problems.push(`${workload.id}: the variants disagree on the result (${digests.size} different digests)`);
  return summarise(workload, plan, samples, problems);
}

function summarise(workload: Workload, plan: RunPlan, samples: Map<string, (Measurement | null)[]>, problems: string[]): WorkloadResult {
  const rates = (id: string): (number | null)[] => (samples.get(id) ?? []).map((sample) => sample?.perSecond ?? null);
  const cpuRates = (id: string): (number | null)[] => (samples.get(id) ?? []).map((sample) => sample?.perCpuSecond ?? null);
  const present = (values: readonly (number | null)[]): number[] => values.filter((value): value is number => value !== null);
  const variants = workload.variants.map((variant): VariantResult => {
    const taken = (samples.get(variant.id) ?? []).filter((sample): sample is Measurement => sample !== null);
    return {
      id: variant.id,
      label: variant.label,
      perSecond: taken.length === 0 ? null : spreadOf(taken.map((sample) => sample.perSecond)),
      perCpuSecond: taken.length === 0 ? null : spreadOf(taken.map((sample) => sample.perCpuSecond)),
      peakRssMb: taken.length === 0 ? null : spreadOf(taken.map((sample) => sample.peakRssMb)),
      samples: samples.get(variant.id) ?? [],
    };
  });
  const ratios = workload.comparisons.map(({ subject, baseline, atLeast }): RatioResult => {
    const pairRatios = pairwiseRatios(rates(subject), rates(baseline));
    const cpuRatios = pairwiseRatios(cpuRates(subject), cpuRates(baseline));
    const spreadOrNull = (values: number[]): Spread | null => (values.length === 0 ? null : spreadOf(values));
    return { subject, baseline, ratios: pairRatios, spread: spreadOrNull(pairRatios), cpuSpread: spreadOrNull(cpuRatios), target: atLeast ?? null };
  });
  const absolutes = workload.absoluteTargets.map((target): AbsoluteResult => {
    const taken = present(rates(target.variant));
    return { variant: target.variant, atLeast: target.atLeast, median: taken.length === 0 ? null : spreadOf(taken).median };
  });
  const memory = (workload.memoryTargets ?? []).map((target): MemoryResult => ({
    variant: target.variant,
    atMostMb: target.atMostMb,
    medianMb: variants.find((variant) => variant.id === target.variant)?.peakRssMb?.median ?? null,
  }));
  return { id: workload.id, title: workload.title, unit: workload.unit, note: workload.note, size: plan.size, runs: plan.runs, variants, ratios, absolutes, memory, problems };
}
