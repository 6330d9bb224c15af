import { join } from "node:path";
import { pendingWorkloads } from "../workloads/pending.js";
import { scalingTargets, workloads as allWorkloads } from "../workloads/registry.js";
import type { Workload } from "../workloads/types.js";
import { describeMachine } from "./machine.js";
import type { BenchOptions } from "./options.js";
import type { TrialReply, TrialRequest } from "./protocol.js";
import { resultsDir, type BenchReport } from "./results-file.js";
import { runWorkload, type WorkloadResult } from "./run-workload.js";
import { scalingResults } from "./scaling.js";
import { QUICK_SIZE, scaleSize, type Size } from "./size.js";
import { spawnTrial } from "./spawn-trial.js";

/** How the bench talks to the world: where lines go, and how one trial is measured. */
export interface BenchIo {
  readonly log: (line: string) => void;
  readonly measure?: (request: TrialRequest) => Promise<TrialReply>;
}

/** The size a workload runs at, and its warm-up size (a tenth of the streams). */
export function sizesFor(workload: Workload, options: BenchOptions): { size: Size; warmUp: Size | undefined } {
  const size = options.quick ? QUICK_SIZE : scaleSize(workload.fullSize, options.scale);
  const warmUp = !options.warmUp ? undefined : options.quick ? QUICK_SIZE : (workload.warmUpSize?.(size) ?? scaleSize(size, 0.1));
  return { size, warmUp };
}

/** A workload narrowed to the variants asked for (all when none is), with the comparisons whose two sides both run. */
export function withVariants(workload: Workload, variants: readonly string[]): Workload {
  if (variants.length === 0) return workload;
  const kept = new Set(variants);
  const runs = (id: string): boolean => kept.has(id);
  return {
    ...workload,
    variants: workload.variants.filter((variant) => runs(variant.id)),
    comparisons: workload.comparisons.filter(({ subject, baseline }) => runs(subject) && runs(baseline)),
    absoluteTargets: workload.absoluteTargets.filter((target) => runs(target.variant)),
    ...(workload.memoryTargets === undefined ? {} : { memoryTargets: workload.memoryTargets.filter((target) => runs(target.variant)) }),
  };
}

/** Runs the selected workloads in turn and gathers the report; `problems` lists crashes and disagreements. */
export async function runBench(options: BenchOptions, io: BenchIo): Promise<{ report: BenchReport; problems: string[] }> {
  const groups = new Map(scalingTargets.map((target) => [target.id, [target.baseline, ...target.subjects]]));
  const wanted = new Set(options.only.flatMap((id) => groups.get(id) ?? [id]));
  const chosen = options.only.length === 0 ? allWorkloads : allWorkloads.filter((workload) => wanted.has(workload.id));
  const unknown = options.only.filter((id) => !groups.has(id) && !allWorkloads.some((workload) => workload.id === id));
  const problems = unknown.map((id) => `no workload "${id}"; known: ${allWorkloads.map((workload) => workload.id).join(", ")}`);
  const variantIds = new Set(chosen.flatMap((workload) => workload.variants.map((variant) => variant.id)));
  problems.push(...options.variants.filter((id) => !variantIds.has(id)).map((id) => `no variant "${id}" in the workloads selected; known: ${[...variantIds].join(", ")}`));
  const selected = chosen.map((workload) => withVariants(workload, options.variants)).filter((workload) => workload.variants.length > 0);
  const profileDir = options.profile ? join(resultsDir, "profiles") : undefined;
  const measure = io.measure ?? spawnTrial;
  const machine = describeMachine();
  const results: WorkloadResult[] = [];
  for (const workload of selected) {
    const { size, warmUp } = sizesFor(workload, options);
    io.log(`${workload.id}: ${workload.title} (${size.streams} × ${size.perStream})`);
    const result = await runWorkload(workload, { runs: options.runs, size, warmUp, seed: options.seed, profileDir, measure, log: io.log });
    results.push(result);
    problems.push(...result.problems);
  }
  const scaling = scalingResults(scalingTargets, results);
  return { report: { machine, options, results, scaling, pending: pendingWorkloads }, problems };
}
