import type { PendingWorkload } from "../workloads/types.js";
import type { Machine } from "./machine.js";
import type { WorkloadResult } from "./run-workload.js";
import type { Spread } from "./stats.js";

const whole = (value: number): string => Math.round(value).toLocaleString("en-US");
const ratio = (value: number): string => (value >= 10 ? value.toFixed(1) : value.toFixed(2));
const verdict = (value: number | null | undefined, atLeast: number): string =>
  value === null || value === undefined ? "not measured" : value >= atLeast ? "met" : "MISSED";

/** The machine and method line printed above the tables. */
export function machineLine(machine: Machine, runs: number): string {
  return `Node ${machine.node} (V8 ${machine.v8}), ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GiB, ${machine.platform}; ${machine.date}; median of ${runs} run(s) per figure, each in a fresh process after a warm-up.`;
}

/** Throughput of every variant: median, min, max and peak RSS. */
export function figuresTable(results: readonly WorkloadResult[]): string {
  const rows = results.flatMap((result) =>
    result.variants.map((variant) => {
      const rate: Spread | null = variant.perSecond;
      const size = `${whole(result.size.streams)} × ${whole(result.size.perStream)}`;
      const cells = rate === null ? ["failed", "", ""] : [whole(rate.median), whole(rate.min), whole(rate.max)];
      return `| ${result.id} | ${variant.label} | ${size} | ${result.unit}/s | ${cells.join(" | ")} | ${variant.peakRssMb === null ? "" : whole(variant.peakRssMb.median)} |`;
    }),
  );
  return ["| workload | variant | streams × per stream | unit | median | min | max | peak RSS MiB |", "|---|---|---|---|---:|---:|---:|---:|", ...rows].join("\n");
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
      return `| ${result.id} | ${label(entry.subject)} / ${label(entry.baseline)} | ${cells.join(" | ")} | ${target} | ${met} |`;
    });
    const absolutes = result.absolutes.map((entry) => {
      const median = entry.median === null ? "" : `${whole(entry.median)} ${result.unit}/s`;
      return `| ${result.id} | ${label(entry.variant)} (absolute) | ${median} | | | ≥ ${whole(entry.atLeast)} ${result.unit}/s | ${verdict(entry.median, entry.atLeast)} |`;
    });
    return [...ratios, ...absolutes];
  });
  return ["| workload | comparison | median | min | max | target | verdict |", "|---|---|---:|---:|---:|---|---|", ...rows].join("\n");
}

/** The workloads that wait for other packages: listed, never silently left out. */
export function pendingTable(pending: readonly PendingWorkload[]): string {
  const rows = pending.map((workload) => `| ${workload.id} | ${workload.title} | not yet measured, pending ${workload.waitingFor.join(", ")} | ${workload.plan} |`);
  return ["| workload | what | status | plan |", "|---|---|---|---|", ...rows].join("\n");
}
