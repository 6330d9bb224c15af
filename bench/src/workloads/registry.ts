import { appendPathWorkload } from "./append-path.js";
import { appendWorkload } from "./append.js";
import { foldWorkload } from "./fold.js";
import { treeCheckpointWorkload, treeProofWorkload } from "./tree-proofs.js";
import type { ScalingTarget, Workload } from "./types.js";
import { w1Workload } from "./w1-command-handling.js";
import { w2Workload } from "./w2-rehydrate.js";
import { w3Workload } from "./w3-audit-replay.js";
import { w4Workload } from "./w4-as-of.js";
import { w4StoredWorkload } from "./w4/stored-workload.js";
import { w5PgBulkWorkload } from "./w5/pg-bulk.js";
import { w5PgCommandWorkload } from "./w5/pg-command.js";
import { w5PgReadWorkload } from "./w5/pg-read.js";
import { w5SqliteBulkWorkload } from "./w5/sqlite-bulk.js";
import { w5SqliteCommandWorkload } from "./w5/sqlite-command.js";
import { w5SqliteReadWorkload } from "./w5/sqlite-read.js";
import { w6Scaling, w6Workloads } from "./w6-scale.js";

/** Every runnable workload, in the order `pnpm bench` runs them. Add a workload: one file, one line here. */
export const workloads: readonly Workload[] = [
  foldWorkload,
  appendWorkload,
  appendPathWorkload,
  w1Workload,
  w2Workload,
  w3Workload,
  w4Workload,
  w4StoredWorkload,
  treeCheckpointWorkload,
  treeProofWorkload,
  w5SqliteCommandWorkload,
  w5SqliteBulkWorkload,
  w5SqliteReadWorkload,
  w5PgCommandWorkload,
  w5PgBulkWorkload,
  w5PgReadWorkload,
  ...w6Workloads,
];

/** How workloads of one kind at growing sizes must compare (W6: linear time, flat memory). */
export const scalingTargets: readonly ScalingTarget[] = [w6Scaling];
