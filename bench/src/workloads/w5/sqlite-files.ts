import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import Database from "better-sqlite3";
import { SQLITE_MIGRATIONS } from "@handover/store-sqlite";
import type { StoredEvent } from "./input.js";

const live = new Set<string>();
let counter = 0;
process.on("exit", () => [...live].forEach(removeSqliteFiles));

/** Removes a database file and its WAL files. */
export function removeSqliteFiles(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
  live.delete(path);
}

/** A fresh database path; the files of earlier paths of this process (a warm-up's) are removed first, and every one at exit. */
export function freshSqlitePath(label: string): string {
  for (const earlier of live) removeSqliteFiles(earlier);
  const directory = join(tmpdir(), "handover-bench", "w5");
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${label}-${process.pid}-${threadId}-${++counter}.db`);
  live.add(path);
  return path;
}

/** A raw better-sqlite3 database with the store's own schema (its migrations' SQL), WAL, `synchronous=FULL`: the same table, indexes and durability. */
export function openRawSqlite(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  for (const migration of SQLITE_MIGRATIONS) db.exec(migration.sql);
  return db;
}

/** Every stream's events read back from a database with the store's schema, in stream order. */
export function readBackSqlite(path: string, streamIds: readonly string[]): StoredEvent[][] {
  const db = new Database(path, { readonly: true });
  const select = db.prepare<[string], { type: string; data: string }>("SELECT type, data FROM events WHERE stream_id = ? ORDER BY version");
  const streams = streamIds.map((streamId) => select.all(streamId).map((row) => ({ type: row.type, data: JSON.parse(row.data) as unknown })));
  db.close();
  return streams;
}
