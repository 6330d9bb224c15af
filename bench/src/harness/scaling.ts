import type { ScalingTarget } from "../workloads/types.js";
import type { WorkloadResult } from "./run-workload.js";

/** One variant of one larger workload against the same variant of the smallest. */
export interface ScalingRow {
  readonly workload: string;
  readonly variant: string;
  /** Operations of the larger workload over the smallest's (10 for 10M against 1M). */
  readonly sizeFactor: number;
  /** Median trial time of the larger over the smallest's, divided by `sizeFactor`: 1 is perfectly linear. */
  readonly timePerOperationFactor: number | null;
  /** Median peak RSS of the larger over the smallest's: 1 is perfectly flat. */
  readonly rssFactor: number | null;
  readonly timeMet: boolean | null;
  readonly rssMet: boolean | null;
}

/** A scaling target with each larger workload's rows; empty when its baseline was not run. */
export interface ScalingResult {
  readonly target: ScalingTarget;
  readonly rows: readonly ScalingRow[];
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

function figuresOf(result: WorkloadResult, variantId: string): { operations: number; seconds: number; rss: number } | null {
  const samples = (result.variants.find((variant) => variant.id === variantId)?.samples ?? []).filter((sample) => sample !== null);
  const seconds = median(samples.map((sample) => sample.seconds));
  const rss = median(samples.map((sample) => sample.peakRssMb));
  const operations = samples[0]?.operations;
  return seconds === null || rss === null || operations === undefined ? null : { operations, seconds, rss };
}

/**
 * Compares each larger workload of a scaling target with its smallest, variant by variant,
 * on the median trial time per operation and the median peak RSS.
 */
export function scalingResults(targets: readonly ScalingTarget[], results: readonly WorkloadResult[]): ScalingResult[] {
  return targets.flatMap((target) => {
    const base = results.find((result) => result.id === target.baseline);
    if (base === undefined) return [];
    const rows = target.subjects.flatMap((subjectId) => {
      const subject = results.find((result) => result.id === subjectId);
      if (subject === undefined) return [];
      return base.variants.map(({ id: variant }): ScalingRow => {
        const small = figuresOf(base, variant);
        const large = figuresOf(subject, variant);
        const sizeFactor = small === null || large === null ? subject.size.perStream / base.size.perStream : large.operations / small.operations;
        const time = small === null || large === null ? null : large.seconds / small.seconds / sizeFactor;
        const rss = small === null || large === null ? null : large.rss / small.rss;
        return {
          workload: subjectId,
          variant,
          sizeFactor,
          timePerOperationFactor: time,
          rssFactor: rss,
          timeMet: time === null ? null : time <= target.timeFactorAtMost,
          rssMet: rss === null ? null : rss <= target.rssFactorAtMost,
        };
      });
    });
    return [{ target, rows }];
  });
}
