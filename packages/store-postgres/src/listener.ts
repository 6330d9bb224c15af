import type pg from "pg";
import type { LogNames } from "./sql-names.js";

/** A connection that LISTENs on a log's channel. */
export interface LogListener {
  /** True once the connection failed; open a new listener then. */
  readonly broken: boolean;
  /** UNLISTENs and gives the connection back (destroyed if it cannot UNLISTEN). */
  close(): Promise<void>;
}

/**
 * Checks out a connection and LISTENs on the log's channel, calling `onSignal` for each
 * notification and once when the connection fails. Its listeners are removed before
 * the connection goes back to the pool, so a later user of it hears nothing of them.
 */
export async function listenToLog(pool: pg.Pool, names: LogNames, onSignal: () => void): Promise<LogListener> {
  const client = await pool.connect();
  let broken = false;
  let released = false;
  const release = (destroy: boolean): void => {
    if (released) return;
    released = true;
    client.off("notification", onSignal);
    client.off("error", onError);
    client.release(destroy ? true : undefined);
  };
  function onError(): void {
    broken = true;
    release(true);
    onSignal();
  }
  client.on("notification", onSignal);
  client.on("error", onError);
  try {
    await client.query(`LISTEN ${names.quotedChannel}`);
  } catch (error) {
    release(true);
    throw error;
  }
  return {
    get broken() {
      return broken;
    },
    async close() {
      if (released) return;
      const unlistened = await client.query(`UNLISTEN ${names.quotedChannel}`).then(
        () => true,
        () => false,
      );
      release(!unlistened);
    },
  };
}
