import type { PendingWorkload } from "../workloads/types.js";
import type { Machine } from "./machine.js";
import type { WorkloadResult } from "./run-workload.js";
import type { ScalingResult } from "./scaling.js";
import type { Spread } from "./stats.js";

const whole = (value: number): string => Math.round(value).toLocaleString("en-US");
const ratio = (value: number): string => (value >= 10 ? value.toFixed(1) : value.toFixed(2));
const verdict = (value: number | null | undefined, atLeast: number): string =>
  value === null || value === undefined ? "not measured" : value >= atLeast ? "met" : "MISSED";

/** The machine and method line printed above the tables, with how loaded the machine was while measuring. */
export function machineLine(machine: Machine, runs: number, results: readonly WorkloadResult[] = []): string {
  const loads = results.flatMap((result) => result.variants.flatMap((variant) => variant.samples.flatMap((sample) => (sample === null ? [] : [sample.loadAverage.start]))));
  const load = loads.length === 0 ? "" : ` 1-min load average during trials: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${machine.cpus} CPUs.`;
  return `Node ${machine.node} (V8 ${machine.v8}), ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GiB, ${machine.platform}; ${machine.date}; median of ${runs} run(s) per figure, each in a fresh process after a warm-up.${load}`;
}

/** Throughput of every variant: median, min, max and peak RSS. */
export function figuresTable(results: readonly WorkloadResult[]): string {
  const rows = results.flatMap((result) =>
    result.variants.map((variant) => {
      const rate: Spread | null = variant.perSecond;
      const size = `${whole(result.size.streams)} × ${whole(result.size.perStream)}`;
      const cells = rate === null ? ["failed", "", ""] : [whole(rate.median), whole(rate.min), whole(rate.max)];
      const cpu = variant.perCpuSecond === null ? "" : whole(variant.perCpuSecond.median);
      return `| ${result.id} | ${variant.label} | ${size} | ${result.unit}/s | ${cells.join(" | ")} | ${cpu} | ${variant.peakRssMb === null ? "" : whole(variant.peakRssMb.median)} |`;
    }),
  );
  const header = "| workload | variant | streams × per stream | unit | median | min | max | median per CPU-second | peak RSS MiB |";
  return [header, "|---|---|---|---|---:|---:|---:|---:|---:|", ...rows].join("\n");
}

/** Ratios taken pair by pair, and absolute targets, each with its target and whether it was met. */
export function targetsTable(results: readonly WorkloadResult[]): string {
  const rows = results.flatMap((result) => {
    const label = (id: string): string => result.variants.find((variant) => variant.id === id)?.label ?? id;
    const ratios = result.ratios.map((entry) => {
      const spread = entry.spread;
      const cells = spread === null ? ["", "", ""] : [ratio(spread.median), ratio(spread.min), ratio(spread.max)];
      const target = entry.target === null ? "" : `≥ ${entry.target}`;
      const met = entry.target === null ? "" : verdict(spread?.median, entry.target);
      const cpu = entry.cpuSpread === null ? "" : ratio(entry.cpuSpread.median);
      return `| ${result.id} | ${label(entry.subject)} / ${label(entry.baseline)} | ${cells.join(" | ")} | ${cpu} | ${target} | ${met} |`;
    });
    const absolutes = result.absolutes.map((entry) => {
      const median = entry.median === null ? "" : `${whole(entry.median)} ${result.unit}/s`;
      const cpu = result.variants.find((variant) => variant.id === entry.variant)?.perCpuSecond;
      const cpuCell = cpu === null || cpu === undefined ? "" : `${whole(cpu.median)} ${result.unit}/CPU-s`;
      return `| ${result.id} | ${label(entry.variant)} (absolute) | ${median} | | | ${cpuCell} | ≥ ${whole(entry.atLeast)} ${result.unit}/s | ${verdict(entry.median, entry.atLeast)} |`;
    });
    const memory = (result.memory ?? []).map((entry) => {
      const median = entry.medianMb === null ? "" : `${whole(entry.medianMb)} MiB`;
      const met = entry.medianMb === null ? "not measured" : entry.medianMb <= entry.atMostMb ? "met" : "MISSED";
      return `| ${result.id} | ${label(entry.variant)} (peak RSS) | ${median} | | | | ≤ ${whole(entry.atMostMb)} MiB | ${met} |`;
    });
    return [...ratios, ...absolutes, ...memory];
  });
  const header = "| workload | comparison | median | min | max | median on CPU time | target | verdict (wall-clock median) |";
  return [header, "|---|---|---:|---:|---:|---:|---|---|", ...rows].join("\n");
}

/** The workloads that wait for other packages: listed, never silently left out (nothing when none waits). */
export function pendingTable(pending: readonly PendingWorkload[]): string {
  if (pending.length === 0) return "";
  const rows = pending.map((workload) => `| ${workload.id} | ${workload.title} | not yet measured, pending ${workload.waitingFor.join(", ")} | ${workload.plan} |`);
  return ["| workload | what | status | plan |", "|---|---|---|---|", ...rows].join("\n");
}

/** The scaling verdicts: each larger size against the smallest, time per operation and peak RSS (nothing when none ran). */
export function scalingTable(scaling: readonly ScalingResult[]): string {
  const rows = scaling.flatMap(({ target, rows: each }) =>
    each.map((row) => {
      const time = row.timePerOperationFactor === null ? "not measured" : `${ratio(row.timePerOperationFactor)} (≤ ${target.timeFactorAtMost}: ${row.timeMet === true ? "met" : "MISSED"})`;
      const rss = row.rssFactor === null ? "not measured" : `${ratio(row.rssFactor)} (≤ ${target.rssFactorAtMost}: ${row.rssMet === true ? "met" : "MISSED"})`;
      return `| ${target.id} | ${row.workload} / ${target.baseline} | ${row.variant} | ${ratio(row.sizeFactor)}× | ${time} | ${rss} |`;
    }),
  );
  if (rows.length === 0) return "";
  const header = "| scaling | sizes | variant | events | time per event, larger / smaller | peak RSS, larger / smaller |";
  return [header, "|---|---|---|---:|---|---|", ...rows].join("\n");
}
