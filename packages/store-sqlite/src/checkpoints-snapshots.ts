import type Database from "better-sqlite3";
import { decodeStoredSnapshotState, type CheckpointStore, type Snapshot, type SnapshotStore } from "@handover/core";
import type { SqliteWrites } from "./queries.js";
import type { WriteQueue } from "./write-queue.js";

/** What the checkpoint and snapshot tables are read and written through. */
export interface SqliteSideTables {
  readonly reader: Database.Database;
  readonly writes: SqliteWrites;
  readonly queue: WriteQueue;
  readonly guard: <T>(work: () => T) => T;
}

/** Projection checkpoints kept in the store's file, so a projection resumes after a restart. */
export function createSqliteCheckpointStore(tables: SqliteSideTables): CheckpointStore {
  const load = tables.reader.prepare<[string], number>("SELECT position FROM checkpoints WHERE name = ?").pluck();
  return {
    load: async (name) => tables.guard(() => load.get(name) ?? 0),
    save: (name, position) =>
      tables.queue.run(() => {
        tables.guard(() => tables.writes.saveCheckpoint.run(name, position));
      }),
  };
}

interface SnapshotRow {
  readonly version: number;
  readonly state: string;
}

/**
 * Stream snapshots kept in the store's file: one per stream, replaced by a newer version
 * or another revision, as core's in-memory snapshot store does. State is stored as JSON.
 */
export function createSqliteSnapshotStore(tables: SqliteSideTables): SnapshotStore {
  const load = tables.reader.prepare<[string, number], SnapshotRow>("SELECT version, state FROM snapshots WHERE stream_id = ? AND revision = ?");
  return {
    async load<State>(streamId: string, revision: number): Promise<Snapshot<State> | undefined> {
      const row = tables.guard(() => load.get(streamId, revision));
      if (row === undefined) return undefined;
      return { streamId, revision, version: row.version, state: decodeStoredSnapshotState(streamId, row.state) as State };
    },
    save: (snapshot) => {
      const state = JSON.stringify(snapshot.state);
      if (state === undefined) throw new TypeError(`snapshot of ${snapshot.streamId}: the state is not JSON`);
      return tables.queue.run(() => {
        tables.guard(() => tables.writes.saveSnapshot.run(snapshot.streamId, snapshot.revision, snapshot.version, state));
      });
    },
  };
}
