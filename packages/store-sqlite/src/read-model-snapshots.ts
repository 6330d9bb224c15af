import type Database from "better-sqlite3";
import { left, right } from "fp-ts/lib/Either.js";
import { checkReadModelSnapshotWrite, notAfterLatest, type LogRange, type ReadModelSnapshotStore, type StoredReadModelSnapshot } from "@handover/core";
import type { WriteQueue } from "./write-queue.js";

/** The connections and guards read-model snapshots are read and written through. */
export interface SqliteSnapshotTables {
  readonly reader: Database.Database;
  readonly writer: Database.Database;
  readonly queue: WriteQueue;
  readonly guard: <T>(work: () => T) => T;
}

interface HeaderRow {
  readonly position: number;
  readonly occurred_until: string;
  readonly recorded_until: string;
  readonly header: string;
}

interface RecordRow {
  readonly key: string;
  readonly body: string;
}

interface LoadParameters {
  readonly name: string;
  readonly to: number | null;
  readonly until: string | null;
  readonly recordedUntil: string | null;
}

/** Prepared statements of the reading connection. */
function prepareReads(reader: Database.Database) {
  return {
    latest: reader.prepare<[LoadParameters], HeaderRow>(
      "SELECT position, occurred_until, recorded_until, header FROM read_model_snapshots WHERE name = @name" +
        " AND (@to IS NULL OR position <= @to) AND (@until IS NULL OR occurred_until <= @until) AND (@recordedUntil IS NULL OR recorded_until <= @recordedUntil)" +
        " ORDER BY position DESC LIMIT 1",
    ),
    record: reader
      .prepare<[string, string, string, number], string>("SELECT body FROM read_model_records WHERE name = ? AND collection = ? AND key = ? AND position <= ? ORDER BY position DESC LIMIT 1")
      .pluck(),
    // A bare column beside max() is read from the row that holds the maximum (SQLite's documented rule for min/max aggregates).
    records: reader.prepare<[string, string, number], RecordRow>(
      "SELECT key, body, max(position) AS at FROM read_model_records WHERE name = ? AND collection = ? AND position <= ? GROUP BY key ORDER BY ordinal",
    ),
  };
}

/** Prepared statements of the writing connection. */
function prepareWrites(writer: Database.Database) {
  return {
    latestPosition: writer.prepare<[string], number>("SELECT max(position) FROM read_model_snapshots WHERE name = ?").pluck(),
    header: writer.prepare<[string, number, string, string, string]>(
      "INSERT INTO read_model_snapshots (name, position, occurred_until, recorded_until, header) VALUES (?, ?, ?, ?, ?)",
    ),
    record: writer.prepare<[string, string, string, number, number, string]>(
      "INSERT INTO read_model_records (name, collection, key, position, ordinal, body) VALUES (?, ?, ?, ?, ?, ?)",
    ),
  };
}

/**
 * Read-model snapshots kept in the store's file: a header row per snapshot and a row per
 * changed record, each version kept, so a snapshot reads its records one at a time with an
 * indexed lookup and stands as it was saved. A save is one `BEGIN IMMEDIATE` transaction.
 */
export function createSqliteReadModelSnapshotStore(tables: SqliteSnapshotTables): ReadModelSnapshotStore {
  const reads = tables.guard(() => prepareReads(tables.reader));
  const writes = tables.guard(() => prepareWrites(tables.writer));
  const opened = (name: string, row: HeaderRow): StoredReadModelSnapshot => ({
    name,
    position: row.position,
    occurredUntil: row.occurred_until,
    recordedUntil: row.recorded_until,
    header: row.header,
    record: (collection, key) => tables.guard(() => reads.record.get(name, collection, key, row.position)),
    records: (collection) => tables.guard(() => reads.records.all(name, collection, row.position).map(({ key, body }) => [key, body] as const)),
  });
  return {
    save: (given) => {
      const checked = checkReadModelSnapshotWrite(given);
      if (checked._tag === "Left") return Promise.resolve(checked);
      const snapshot = checked.right;
      return tables.queue.run(() =>
        tables.guard(() =>
          tables.writer
            .transaction(() => {
              const latest = writes.latestPosition.get(snapshot.name);
              if (latest !== null && latest !== undefined && snapshot.position <= latest) return left(notAfterLatest(snapshot.name, snapshot.position, latest));
              writes.header.run(snapshot.name, snapshot.position, snapshot.occurredUntil, snapshot.recordedUntil, snapshot.header);
              for (const { collection, key, ordinal, body } of snapshot.changed) writes.record.run(snapshot.name, collection, key, snapshot.position, ordinal, body);
              return right(undefined);
            })
            .immediate(),
        ),
      );
    },
    load: async (name: string, range: LogRange = {}) => {
      const row = tables.guard(() => reads.latest.get({ name, to: range.toPosition ?? null, until: range.until ?? null, recordedUntil: range.recordedUntil ?? null }));
      return row === undefined ? undefined : opened(name, row);
    },
  };
}
