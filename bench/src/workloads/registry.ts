import { appendPathWorkload } from "./append-path.js";
import { appendWorkload } from "./append.js";
import { foldWorkload } from "./fold.js";
import type { Workload } from "./types.js";
import { w1Workload } from "./w1-command-handling.js";
import { w2Workload } from "./w2-rehydrate.js";
import { w3Workload } from "./w3-audit-replay.js";
import { w4Workload } from "./w4-as-of.js";

/** Every runnable workload, in the order `pnpm bench` runs them. Add a workload: one file, one line here. */
export const workloads: readonly Workload[] = [foldWorkload, appendWorkload, appendPathWorkload, w1Workload, w2Workload, w3Workload, w4Workload];

/** The workload with this id, if any. */
export function findWorkload(id: string): Workload | undefined {
  return workloads.find((workload) => workload.id === id);
}
