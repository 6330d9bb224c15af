import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PendingWorkload } from "../workloads/types.js";
import { benchRoot } from "./bench-root.js";
import type { BenchOptions } from "./options.js";
import type { Machine } from "./machine.js";
import type { WorkloadResult } from "./run-workload.js";
import type { ScalingResult } from "./scaling.js";

/** bench/results: gitignored; every run writes its JSON here. */
export const resultsDir = join(benchRoot, "results");

/** Everything one `pnpm bench` run measured, as written to JSON. */
export interface BenchReport {
  readonly machine: Machine;
  readonly options: BenchOptions;
  readonly results: readonly WorkloadResult[];
  /** How workloads at growing sizes compared with the smallest (W6). */
  readonly scaling: readonly ScalingResult[];
  readonly pending: readonly PendingWorkload[];
}

/** Writes the report as `results/<date>.json` and (unless quick) `results/latest.json`; returns the dated path. */
export async function writeResults(report: BenchReport): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const dated = join(resultsDir, `${report.machine.date.replace(/[:.]/g, "-")}${report.options.quick ? "-quick" : ""}.json`);
  await writeFile(dated, text);
  if (!report.options.quick) await writeFile(join(resultsDir, "latest.json"), text);
  return dated;
}
