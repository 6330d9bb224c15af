import type pg from "pg";
import { isConnectionLoss } from "./errors.js";

/** Gives a client back to its pool, destroying it when the failure means its connection is gone. */
export function releaseClient(client: pg.PoolClient, failure: unknown): void {
  client.release(isConnectionLoss(failure) ? (failure as Error) : undefined);
}

/** Rolls back the client's transaction, ignoring failures: the connection may already be gone. */
export async function rollbackQuietly(client: pg.PoolClient): Promise<void> {
  await client.query("ROLLBACK").catch(() => undefined);
}
