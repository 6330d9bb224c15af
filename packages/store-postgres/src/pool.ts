import pg from "pg";

/** The connection pool of the `pg` driver, as the store uses it. */
export type PostgresPool = pg.Pool;

/** Where and how a pool connects. */
export interface PostgresPoolOptions {
  readonly connectionString: string;
  /** Connections at most (pg's default: 10). */
  readonly max?: number;
  /** How long to wait for a connection before failing, in ms (pg's default: wait forever). */
  readonly connectionTimeoutMillis?: number;
}

/**
 * A pool of the driver this store is built on, so an application (or the CLI) that hands the
 * store a pool needs no `pg` dependency of its own. An idle client's error (the server closed
 * the connection) is not thrown at the process: the next query on it fails instead.
 */
export function createPostgresPool(options: PostgresPoolOptions): PostgresPool {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, ...(options.connectionTimeoutMillis === undefined ? {} : { connectionTimeoutMillis: options.connectionTimeoutMillis }) });
  pool.on("error", () => undefined);
  return pool;
}
