import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { SpillStore } from "@handover/core";
import { SqliteStoreError } from "./errors.js";

/** Options of `openSqliteSpillStore`. */
export interface SqliteSpillOptions {
  /** The file to spill into (created, or emptied when it exists); default: a new temporary folder, removed on `close`. */
  readonly path?: string;
}

/** A spill store in a SQLite file: `close` closes it and removes its temporary folder. */
export interface SqliteSpillStore extends SpillStore {
  /** The file the spill writes to. */
  readonly path: string;
  close(): void;
}

/**
 * A spill store (core's `SpillStore`) in a SQLite file, for an audit of a log too long to
 * hold every finished work item in memory (`auditReplay(log, projectId, { spill })`). The
 * file is scratch space: no journal and no syncing (a crash loses nothing the log does not
 * hold), and SQLite's page cache (2 MiB) is all it keeps in memory.
 */
export function openSqliteSpillStore(options: SqliteSpillOptions = {}): SqliteSpillStore {
  const folder = options.path === undefined ? mkdtempSync(join(tmpdir(), "handover-spill-")) : undefined;
  const path = options.path ?? join(folder as string, "spill.db");
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("DROP TABLE IF EXISTS spill; CREATE TABLE spill (key TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID");
  } catch (error) {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    throw new SqliteStoreError("corrupt_file", path, `could not open the spill file (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const put = db.prepare<[string, string]>("INSERT OR REPLACE INTO spill (key, text) VALUES (?, ?)");
  const get = db.prepare<[string], string>("SELECT text FROM spill WHERE key = ?").pluck();
  return {
    path,
    put: (key, text) => void put.run(key, text),
    get: (key) => get.get(key),
    close() {
      if (db.open) db.close();
      if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    },
  };
}
