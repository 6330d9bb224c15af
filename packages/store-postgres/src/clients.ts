import type pg from "pg";
import { isConnectionLoss } from "./errors.js";

const broken = new WeakSet<pg.PoolClient>();

function markBroken(this: pg.PoolClient): void {
  broken.add(this);
}

/**
 * Checks a client out of the pool with an `error` listener: when the server drops the
 * connection, pg emits `error` on a checked-out client (which would crash the process
 * without a listener) and also rejects the query in hand, which is where it is handled.
 */
export async function checkoutClient(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  client.on("error", markBroken);
  return client;
}

/** Gives a client back to its pool, destroying it when the failure means its connection is gone. */
export function releaseClient(client: pg.PoolClient, failure: unknown): void {
  client.off("error", markBroken);
  const destroy = broken.has(client) || isConnectionLoss(failure);
  client.release(destroy ? (failure instanceof Error ? failure : true) : undefined);
}

/** Rolls back the client's transaction, ignoring failures: the connection may already be gone. */
export async function rollbackQuietly(client: pg.PoolClient): Promise<void> {
  await client.query("ROLLBACK").catch(() => undefined);
}
