import type { PendingWorkload } from "./types.js";

/** Issue 9's workloads that need packages still being built; each becomes one workload file when they land. */
export const pendingWorkloads: readonly PendingWorkload[] = [
  {
    id: "w5",
    title: "W5 stores: per-command durable append, bulk import, rehydrate",
    waitingFor: ["@handover/store-sqlite", "@handover/store-postgres"],
    plan: "against raw better-sqlite3 / pg inserts, and Emmett's SQLite and PostgreSQL stores where they install",
  },
];
