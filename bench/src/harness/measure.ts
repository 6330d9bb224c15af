import type { Variant } from "../workloads/types.js";
import type { Size } from "./size.js";

/** One timed trial of one variant in one process. */
export interface Measurement {
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly digest: string;
  /** The process's peak resident set size (input, warm-up and trial included), in MiB. */
  readonly peakRssMb: number;
}

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Runs a variant the way every figure is taken: a warm-up trial on a smaller input (so the
 * JIT has seen the code), then the real input built, the heap collected, and one timed trial.
 */
export async function measureVariant(variant: Variant, size: Size, warmUp: Size | undefined, seed: number): Promise<Measurement> {
  if (warmUp !== undefined) {
    const warm = await variant.setup(warmUp, seed);
    await warm();
  }
  const trial = await variant.setup(size, seed);
  collectGarbage();
  const started = process.hrtime.bigint();
  const finished = await trial();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const digest = await finished.summarise();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return { operations: finished.operations, seconds, perSecond: finished.operations / seconds, digest, peakRssMb };
}
