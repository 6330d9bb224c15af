import Database from "better-sqlite3";
import { SqliteStoreError, translateSqliteError } from "./errors.js";
import { migrateSqlite } from "./migrations.js";
import type { ResolvedSqliteOptions } from "./options.js";

/** The two connections of a store: one that writes, one that streams reads beside it. */
export interface SqliteConnections {
  readonly writer: Database.Database;
  readonly reader: Database.Database;
}

/**
 * Opens the file for writing (WAL, the chosen `synchronous`, a busy timeout), migrates
 * its schema, then opens a read-only connection: in WAL mode reads never wait for a
 * writer and never see a transaction that is still open; its page cache is `readCacheKib`. A damaged or foreign file is a
 * `SqliteStoreError`, and no connection is left open.
 */
export function openSqliteConnections(options: ResolvedSqliteOptions): SqliteConnections {
  const opened: Database.Database[] = [];
  try {
    const writer = track(opened, new Database(options.path, { timeout: options.busyTimeoutMs }));
    const mode = writer.pragma("journal_mode = WAL", { simple: true });
    if (mode !== "wal") throw new SqliteStoreError("busy", options.path, `could not switch the file to WAL (journal_mode is ${String(mode)}); another process may hold it in another mode`);
    writer.pragma(`synchronous = ${options.synchronous.toUpperCase()}`);
    migrateSqlite(writer, options.path);
    if (options.checkIntegrity) checkIntegrity(writer, options.path);
    const reader = track(opened, new Database(options.path, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs }));
    // A negative cache_size is a size in KiB, whatever the page size.
    reader.pragma(`cache_size = -${options.readCacheKib}`);
    return { writer, reader };
  } catch (error) {
    for (const connection of opened) connection.close();
    throw translateSqliteError(error, options.path, options.busyTimeoutMs);
  }
}

function track(opened: Database.Database[], connection: Database.Database): Database.Database {
  opened.push(connection);
  return connection;
}

function checkIntegrity(db: Database.Database, path: string): void {
  const problems = db.pragma("quick_check", { simple: false }) as { quick_check: string }[];
  const first = problems[0]?.quick_check;
  if (first !== "ok") {
    throw new SqliteStoreError("corrupt_file", path, `quick_check found damage: ${problems.slice(0, 3).map((row) => row.quick_check).join("; ")}; restore it from a backup or a JSONL export`);
  }
}
