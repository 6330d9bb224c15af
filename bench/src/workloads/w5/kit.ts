import type { Size } from "../../harness/size.js";
import type { Finished, Variant, Workload } from "../types.js";
import { storedDigest, type StoredEvent } from "./input.js";

/** Per-command durable writes: 50 streams × 100 commands (5,000 transactions), so a trial takes seconds at ~1k transactions/s. */
export const COMMAND_SIZE: Size = { streams: 50, perStream: 100 };
/** Bulk import and rehydrate: 1,000 streams × 100 events (100,000 events). */
export const BULK_SIZE: Size = { streams: 1_000, perStream: 100 };

/**
 * What a W5 trial hands back: its operation count, and a summary that (after the clock
 * stops) reads every stream back, digests it, then removes the trial's file or schema.
 */
export function storeFinished(operations: number, readBack: () => Promise<readonly StoredEvent[][]> | readonly StoredEvent[][], cleanUp: () => Promise<void> | void): Finished {
  return {
    operations,
    summarise: async () => {
      try {
        return storedDigest(await readBack());
      } finally {
        await cleanUp();
      }
    },
  };
}

/** What differs between the W5 workloads. */
export interface StoreWorkloadSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: "commands" | "events";
  readonly fullSize: Size;
  readonly handover: Variant;
  readonly raw: Variant;
  readonly emmett: Variant;
  /** The target for Handover over the raw driver. */
  readonly target: number;
  /** The target for Handover over Emmett, where it sets one (reads: 1.5). */
  readonly emmettTarget?: number;
  readonly note: string;
}

/** A W5 workload: Handover's store, the raw driver and Emmett's store, with Handover/raw against its target and the rest for context. */
export function storeWorkload(spec: StoreWorkloadSpec): Workload {
  return {
    id: spec.id,
    title: spec.title,
    unit: spec.unit,
    fullSize: spec.fullSize,
    variants: [spec.handover, spec.raw, spec.emmett],
    comparisons: [
      { subject: spec.handover.id, baseline: spec.raw.id, atLeast: spec.target },
      { subject: spec.emmett.id, baseline: spec.raw.id },
      { subject: spec.handover.id, baseline: spec.emmett.id, ...(spec.emmettTarget === undefined ? {} : { atLeast: spec.emmettTarget }) },
    ],
    absoluteTargets: [],
    note: spec.note,
  };
}
