import { loadavg } from "node:os";
import type { Variant } from "../workloads/types.js";
import type { Size } from "./size.js";

/** One timed trial of one variant in one process. */
export interface Measurement {
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Process CPU time (all threads) of the timed trial: steadier than wall time on a shared, loaded machine. */
  readonly cpuSeconds: number;
  readonly perCpuSecond: number;
  /** The machine's 1-minute load average when the trial started and ended. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly digest: string;
  /** The process's peak resident set size (input, warm-up and trial included), in MiB. */
  readonly peakRssMb: number;
  /** When the timed trial ran, on the monotonic clock V8's profiler also uses (microseconds). */
  readonly trialMicros: { readonly start: number; readonly end: number };
}

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

/** How one trial is taken. */
export interface MeasureOptions {
  readonly size: Size;
  readonly warmUp: Size | undefined;
  readonly seed: number;
}

/**
 * Runs a variant the way every figure is taken: a warm-up trial on a smaller input (so the
 * JIT has seen the code), then the real input built, the heap collected, and one timed trial.
 */
export async function measureVariant(variant: Variant, { size, warmUp, seed }: MeasureOptions): Promise<Measurement> {
  if (warmUp !== undefined) {
    const warm = await variant.setup(warmUp, seed);
    await warm();
  }
  const trial = await variant.setup(size, seed);
  collectGarbage();
  const loadAtStart = loadavg()[0] ?? 0;
  const cpuAtStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  const finished = await trial();
  const ended = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpuAtStart);
  const seconds = Number(ended - started) / 1e9;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const loadAverage = { start: loadAtStart, end: loadavg()[0] ?? 0 };
  const digest = await finished.summarise();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const trialMicros = { start: Number(started / 1000n), end: Number(ended / 1000n) };
  const { operations } = finished;
  return { operations, seconds, perSecond: operations / seconds, cpuSeconds, perCpuSecond: operations / cpuSeconds, loadAverage, digest, peakRssMb, trialMicros };
}
