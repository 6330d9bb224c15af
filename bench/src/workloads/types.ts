import type { Size } from "../harness/size.js";

/** What a timed trial did: how many operations, and (computed after the clock stops) a digest of its result. */
export interface Finished {
  readonly operations: number;
  /** A digest of the final result (states, head hash, counts): every variant of a workload must agree on it. */
  summarise(): string | Promise<string>;
}

/** The timed part of a variant: everything it needs is already built. */
export type Trial = () => Promise<Finished>;

/** One side of a comparison: Handover, a floor, or a peer library. */
export interface Variant {
  readonly id: string;
  readonly label: string;
  /** Builds the input (untimed, seeded) and returns the trial to time. */
  setup(size: Size, seed: number): Promise<Trial>;
  /** Node options its trial process runs with besides the harness's own (a heap limit, say), as a user would set them in `NODE_OPTIONS`. */
  readonly nodeOptions?: readonly string[];
}

/** A ratio to report: one variant's throughput over another's, taken pair by pair, with the target if it sets one. */
export interface Comparison {
  readonly subject: string;
  readonly baseline: string;
  readonly atLeast?: number;
}

/** An absolute throughput a variant should reach, in the workload's unit. */
export interface AbsoluteTarget {
  readonly variant: string;
  readonly atLeast: number;
}

/** A benchmark: a seeded workload run by several variants, and the ratios between them that matter. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  /** What one operation is, for the `/s` column: "events" or "commands". */
  readonly unit: string;
  readonly fullSize: Size;
  readonly variants: readonly Variant[];
  readonly comparisons: readonly Comparison[];
  readonly absoluteTargets: readonly AbsoluteTarget[];
  /** One sentence on what exactly is compared. */
  readonly note: string;
  /** How many operations a trial of this size does, when it is not streams × per stream (queries, say). */
  readonly operationsAt?: (size: Size) => number;
  /** Peak RSS a variant should stay under, in MiB (the harness reports the median against it). */
  readonly memoryTargets?: readonly MemoryTarget[];
  /** The warm-up size when it should not be a tenth of the trial's (a 10M-event trial need not first replay 1M). */
  readonly warmUpSize?: (size: Size) => Size;
}

/**
 * How workloads of one kind at growing sizes must compare with the smallest: the time per
 * operation may grow by at most `timeFactorAtMost` (1.1: 10× the events in at most 11× the
 * time), and each variant's peak RSS by at most `rssFactorAtMost`.
 */
export interface ScalingTarget {
  readonly id: string;
  /** The workload every other is compared with. */
  readonly baseline: string;
  readonly subjects: readonly string[];
  readonly timeFactorAtMost: number;
  readonly rssFactorAtMost: number;
}

/** A peak RSS a variant should stay under. */
export interface MemoryTarget {
  readonly variant: string;
  readonly atMostMb: number;
}

/** A workload that needs packages still being built: listed in the table as not yet measured. */
export interface PendingWorkload {
  readonly id: string;
  readonly title: string;
  readonly waitingFor: readonly string[];
  readonly plan: string;
}
