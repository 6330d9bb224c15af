import type { Measurement } from "./measure.js";
import type { Size } from "./size.js";

/** What the parent asks a fresh child process to measure. */
export interface TrialRequest {
  readonly workload: string;
  readonly variant: string;
  readonly size: Size;
  readonly warmUp: Size | null;
  readonly seed: number;
  /** Run the child under `--cpu-prof` writing into this directory (plus `trial-window.json`: when the trial ran), or null. */
  readonly profileTo: string | null;
  /** Node options the trial process runs with besides the harness's own (the variant's `nodeOptions`). */
  readonly nodeOptions?: readonly string[];
}

/** What the child answers: a measurement or why it could not take one. */
export type TrialReply = { readonly ok: true; readonly measurement: Measurement } | { readonly ok: false; readonly error: string };
