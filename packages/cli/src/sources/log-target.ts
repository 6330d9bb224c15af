import { rm, stat } from "node:fs/promises";
import { type ChainHead, type EventStore, type ImportResult, type RecordedEvent } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure } from "../command.js";
import { newFileTarget, writableTarget, writeNewLog } from "./files.js";
import { openPostgresStore } from "./open-postgres.js";
import { loadSqliteStore } from "./open-sqlite.js";
import { createPool, schemaStanding, type SqlPool } from "./postgres-connection.js";
import type { SourceSpec } from "./source-spec.js";

/** Where an export writes: an empty log that takes a whole chain, all or nothing. */
export interface LogTarget {
  readonly spec: SourceSpec;
  /** Writes the events; on any failure (a refusal or a thrown error) nothing is left behind that was not there before. */
  write(events: AsyncIterable<RecordedEvent>): Promise<Either<CliFailure, ImportResult>>;
  close(): Promise<void>;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

const refusedNonEmpty = (spec: SourceSpec, head: ChainHead): CliFailure =>
  inputError(`${spec.label} already holds a log (${head.position} events); export into a new file or an empty schema`);

async function jsonlTarget(spec: Extract<SourceSpec, { kind: "jsonl" }>, force: boolean): Promise<Either<CliFailure, LogTarget>> {
  const target = await newFileTarget(spec.path, force);
  if (target._tag === "Left") return left(inputError(target.left.message.replace(spec.path, spec.label)));
  const write = async (events: AsyncIterable<RecordedEvent>): Promise<Either<CliFailure, ImportResult>> => {
    let head: ChainHead = { position: 0, hash: "0".repeat(64) };
    const tracked = async function* () {
      for await (const event of events) {
        head = { position: event.position, hash: event.hash };
        yield event;
      }
    };
    const written = await writeNewLog(spec.path, tracked(), force);
    return written._tag === "Left" ? written : right({ count: written.right.count, head });
  };
  return right({ spec, write, close: async () => undefined });
}

/** Writes into a store that holds no events; `undo` removes what opening it created when the write fails. */
function storeTarget(spec: SourceSpec, store: EventStore, undo: () => Promise<void>, after: () => Promise<void> = async () => undefined): LogTarget {
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await store.close();
    await after();
  };
  const write = async (events: AsyncIterable<RecordedEvent>): Promise<Either<CliFailure, ImportResult>> => {
    try {
      const imported = await store.importLog(events);
      if (imported._tag === "Right") return imported;
      await close();
      await undo();
      return left(inputError(`${spec.label}: the import was refused and rolled back: ${imported.left.message}`));
    } catch (error) {
      await close();
      await undo();
      throw error;
    }
  };
  return { spec, write, close };
}

async function sqliteTarget(spec: Extract<SourceSpec, { kind: "sqlite" }>): Promise<Either<CliFailure, LogTarget>> {
  const writable = await writableTarget(spec.path);
  if (writable._tag === "Left") return left(inputError(`${spec.label}: ${writable.left.message.replace(`${spec.path}: `, "")}`));
  const created = !(await exists(spec.path));
  const removeCreated = async (): Promise<void> => {
    if (created) for (const suffix of ["", "-wal", "-shm"]) await rm(`${spec.path}${suffix}`, { force: true });
  };
  const { openSqliteEventStore, SqliteStoreError } = await loadSqliteStore();
  let store;
  try {
    store = openSqliteEventStore({ path: spec.path });
  } catch (error) {
    if (!(error instanceof SqliteStoreError)) throw error;
    await removeCreated();
    return left(inputError(`${spec.label}: ${error.message.replace(`${spec.path}: `, "")}`));
  }
  const head = await store.head();
  if (head.position > 0) {
    await store.close();
    return left(refusedNonEmpty(spec, head));
  }
  return right(storeTarget(spec, store, removeCreated));
}

async function postgresTarget(spec: Extract<SourceSpec, { kind: "postgres" }>): Promise<Either<CliFailure, LogTarget>> {
  const pool: SqlPool = createPool(spec.connectionString);
  const failed = async (failure: CliFailure): Promise<Either<CliFailure, LogTarget>> => {
    await pool.end().catch(() => undefined);
    return left(failure);
  };
  const standing = await schemaStanding(pool, spec.label, spec.schema);
  if (standing._tag === "Left") return failed(standing.left);
  if (standing.right.exists && !standing.right.holdsLog) return failed(inputError(`${spec.label}: schema "${spec.schema}" exists and holds no Handover log; export into a new schema (it is created) or an empty log`));
  const store = await openPostgresStore(spec, pool);
  if (store._tag === "Left") return failed(store.left);
  const head = await store.right.head();
  if (head.position > 0) {
    await store.right.close();
    return failed(refusedNonEmpty(spec, head));
  }
  const dropCreated = async (): Promise<void> => {
    if (standing.right.exists) return;
    const cleaner = createPool(spec.connectionString);
    await cleaner.query(`drop schema if exists "${spec.schema}" cascade`).finally(() => cleaner.end());
  };
  return right(storeTarget(spec, store.right, dropCreated, () => pool.end()));
}

/**
 * Opens where an export writes. A JSONL file must not exist yet, unless `force` (it is
 * written through core's one file writer: a temporary file created exclusively beside it,
 * then linked or renamed into place, so a failure leaves nothing); a SQLite file or PostgreSQL schema may
 * exist but must hold no events, and one the export created is removed again when the
 * export fails.
 */
export async function openLogTarget(spec: SourceSpec, force = false): Promise<Either<CliFailure, LogTarget>> {
  switch (spec.kind) {
    case "jsonl":
      return jsonlTarget(spec, force);
    case "sqlite":
      return sqliteTarget(spec);
    case "postgres":
      return postgresTarget(spec);
  }
}
