import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readJsonl, type RecordedEvent } from "@handover/core";
import { openSqliteEventStore } from "@handover/store-sqlite";
import { benchRoot } from "../../harness/bench-root.js";
import type { Size } from "../../harness/size.js";
import { itilCatalogue } from "./catalogue.js";
import { ensureItilLog, itilLogPath } from "./log-file.js";

/** Events per `importLog` call while a SQLite copy is filled: each call is one transaction, so memory stays bounded. */
const IMPORT_CHUNK = 20_000;

/** Where the SQLite copy of the log of a size and seed is kept between runs (beside its JSONL). */
export function itilSqlitePath(size: Size, seed: number): string {
  return itilLogPath(size, seed).replace(/\.jsonl$/, ".db");
}

/**
 * Fills a new SQLite store with a JSONL log through the store's own `importLog` (chain,
 * positions and schemas checked), a chunk per transaction, into a temporary file renamed
 * into place once the store is closed. Returns the number of events.
 */
export async function writeItilSqlite(jsonlPath: string, dbPath: string): Promise<number> {
  const temporary = `${dbPath}.${process.pid}.tmp`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${temporary}${suffix}`, { force: true });
  const store = openSqliteEventStore({ path: temporary, catalogue: itilCatalogue });
  let chunk: RecordedEvent[] = [];
  let count = 0;
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const imported = await store.importLog(chunk);
    if (imported._tag === "Left") throw new Error(`importing ${jsonlPath} into ${temporary}: ${imported.left.message}`);
    count += chunk.length;
    chunk = [];
  };
  for await (const event of readJsonl(jsonlPath)) {
    chunk.push(event);
    if (chunk.length >= IMPORT_CHUNK) await flush();
  }
  await flush();
  await store.close();
  renameSync(temporary, dbPath);
  return count;
}

const writerScript = join(benchRoot, "src/generate/itil/write-sqlite-main.ts");

/** The path of the SQLite copy of the seeded log, made first (in a separate process, from the JSONL) if it is not there yet. */
export function ensureItilSqlite(size: Size, seed: number): string {
  const path = itilSqlitePath(size, seed);
  if (existsSync(path)) return path;
  const jsonl = ensureItilLog(size, seed);
  const written = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", writerScript, jsonl, path], { cwd: benchRoot, encoding: "utf8" });
  if (written.status !== 0 || !existsSync(path)) throw new Error(`filling ${path} failed (${written.status ?? written.signal}): ${written.stderr.slice(-2000)}`);
  return path;
}
