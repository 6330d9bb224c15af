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
}

/** A ratio of the subject (the first variant) to another variant that the issue sets a target for. */
export interface RatioTarget {
  readonly baseline: string;
  readonly atLeast: number;
}

/** An absolute throughput a variant should reach, in the workload's unit. */
export interface AbsoluteTarget {
  readonly variant: string;
  readonly atLeast: number;
}

/** A benchmark: a seeded workload run by several variants; the first variant is the subject of the ratios. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  /** What one operation is, for the `/s` column: "events" or "commands". */
  readonly unit: string;
  readonly fullSize: Size;
  readonly variants: readonly Variant[];
  readonly ratioTargets: readonly RatioTarget[];
  readonly absoluteTargets: readonly AbsoluteTarget[];
  /** One sentence on what exactly is compared. */
  readonly note: string;
}

/** A workload that needs packages still being built: listed in the table as not yet measured. */
export interface PendingWorkload {
  readonly id: string;
  readonly title: string;
  readonly waitingFor: readonly string[];
  readonly plan: string;
}
