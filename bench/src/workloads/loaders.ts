import type { Workload } from "./types.js";

/** The modules that define workloads, each with the ids of the workloads it defines and how to load them. */
const MODULES: readonly { readonly ids: readonly string[]; readonly load: () => Promise<readonly Workload[]> }[] = [
  { ids: ["fold"], load: async () => [(await import("./fold.js")).foldWorkload] },
  { ids: ["append"], load: async () => [(await import("./append.js")).appendWorkload] },
  { ids: ["append-path"], load: async () => [(await import("./append-path.js")).appendPathWorkload] },
  { ids: ["w1"], load: async () => [(await import("./w1-command-handling.js")).w1Workload] },
  { ids: ["w2"], load: async () => [(await import("./w2-rehydrate.js")).w2Workload] },
  { ids: ["w3"], load: async () => [(await import("./w3-audit-replay.js")).w3Workload] },
  { ids: ["w4"], load: async () => [(await import("./w4-as-of.js")).w4Workload] },
  { ids: ["w4-stored"], load: async () => [(await import("./w4/stored-workload.js")).w4StoredWorkload] },
  { ids: ["tree-checkpoint", "tree-proof"], load: async () => { const module = await import("./tree-proofs.js"); return [module.treeCheckpointWorkload, module.treeProofWorkload]; } },
  { ids: ["w5-sqlite-command"], load: async () => [(await import("./w5/sqlite-command.js")).w5SqliteCommandWorkload] },
  { ids: ["w5-sqlite-bulk"], load: async () => [(await import("./w5/sqlite-bulk.js")).w5SqliteBulkWorkload] },
  { ids: ["w5-sqlite-read"], load: async () => [(await import("./w5/sqlite-read.js")).w5SqliteReadWorkload] },
  { ids: ["w5-pg-command"], load: async () => [(await import("./w5/pg-command.js")).w5PgCommandWorkload] },
  { ids: ["w5-pg-bulk"], load: async () => [(await import("./w5/pg-bulk.js")).w5PgBulkWorkload] },
  { ids: ["w5-pg-read"], load: async () => [(await import("./w5/pg-read.js")).w5PgReadWorkload] },
  { ids: ["w6-1m", "w6-2m", "w6-5m", "w6-10m"], load: async () => (await import("./w6-scale.js")).w6Workloads },
];

/** The ids of the workloads a trial process can load, in the order of their modules. */
export const LOADABLE_IDS: readonly string[] = MODULES.flatMap((module) => module.ids);

/**
 * The workload with this id, loading only the module that defines it: a trial process
 * measures one variant, and its peak RSS should hold that workload's code and dependencies,
 * not every workload's (the registry loads the peers' libraries and the PostgreSQL client
 * besides: 17 MiB more before any work, measured for W6).
 */
export async function loadWorkload(id: string): Promise<Workload | undefined> {
  const module = MODULES.find((candidate) => candidate.ids.includes(id));
  return (await module?.load())?.find((workload) => workload.id === id);
}
