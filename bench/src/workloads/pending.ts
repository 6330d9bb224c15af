import type { PendingWorkload } from "./types.js";

/** Workloads that need packages still being built, listed in the output as not yet measured; each becomes a workload file when they land. None waits today. */
export const pendingWorkloads: readonly PendingWorkload[] = [];
