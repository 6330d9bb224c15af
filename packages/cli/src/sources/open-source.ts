import { createReadStream } from "node:fs";
import { readJsonl } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure } from "../command.js";
import { existingFile } from "./files.js";
import { storeSource, type LogSource } from "./log-source.js";
import { openPostgresLog } from "./open-postgres.js";
import { loadSqliteStore } from "./open-sqlite.js";
import type { SourceSpec } from "./source-spec.js";

/** Counts the lines of a file without parsing them (for a progress bar's total). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? 10;
  }
  return last === 10 ? lines : lines + 1;
}

async function openJsonl(spec: Extract<SourceSpec, { kind: "jsonl" }>): Promise<Either<CliFailure, LogSource>> {
  const file = await existingFile(spec.path);
  if (file._tag === "Left") return file;
  return right({ spec, storedHead: undefined, stored: () => readJsonl(spec.path), size: () => countLines(spec.path), close: async () => undefined });
}

async function openSqlite(spec: Extract<SourceSpec, { kind: "sqlite" }>): Promise<Either<CliFailure, LogSource>> {
  const file = await existingFile(spec.path);
  if (file._tag === "Left") return left(inputError(`${spec.label}: ${file.left.message.replace(`${spec.path}: `, "")}`));
  const { openSqliteEventStore, SqliteStoreError } = await loadSqliteStore();
  let store;
  try {
    store = openSqliteEventStore({ path: spec.path });
  } catch (error) {
    if (error instanceof SqliteStoreError) return left(inputError(`${spec.label}: ${error.message.replace(`${spec.path}: `, "")}`));
    throw error;
  }
  return right(await storeSource(spec, store, () => store.close()));
}

/**
 * Opens a log for reading without creating anything: a JSONL file or a SQLite file must
 * exist, a PostgreSQL schema must exist and hold a log. Anything that cannot be opened
 * (missing, foreign, damaged, newer schema, unreachable server) is an input error with
 * one line naming the source.
 */
export async function openLogSource(spec: SourceSpec): Promise<Either<CliFailure, LogSource>> {
  switch (spec.kind) {
    case "jsonl":
      return openJsonl(spec);
    case "sqlite":
      return openSqlite(spec);
    case "postgres":
      return openPostgresLog(spec);
  }
}
