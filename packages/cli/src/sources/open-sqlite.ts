import type * as SqliteStore from "@handover/store-sqlite";

/**
 * The SQLite store module, loaded when a `sqlite:` source is first used, so a command on a
 * JSONL file or a PostgreSQL log never loads the store nor its native driver.
 */
export function loadSqliteStore(): Promise<typeof SqliteStore> {
  return import("@handover/store-sqlite");
}
