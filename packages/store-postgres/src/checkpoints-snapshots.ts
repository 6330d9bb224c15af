import type pg from "pg";
import { decodeStoredSnapshotState, type CheckpointStore, type Snapshot, type SnapshotStore } from "@handover/core";
import type { LogNames } from "./sql-names.js";

/** Projection checkpoints kept in the log's schema, so a projection resumes after a restart. */
export function createPostgresCheckpointStore(pool: pg.Pool, names: LogNames): CheckpointStore {
  return {
    async load(name) {
      const { rows } = await pool.query<{ position: string }>(`SELECT position FROM ${names.checkpoints} WHERE name = $1`, [name]);
      return rows[0] === undefined ? 0 : Number(rows[0].position);
    },
    async save(name, position) {
      await pool.query(
        `INSERT INTO ${names.checkpoints} (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
        [name, position],
      );
    },
  };
}

/**
 * Stream snapshots kept in the log's schema: one per stream, replaced by a newer version
 * or another revision, as core's in-memory snapshot store does. State is stored as JSON.
 */
export function createPostgresSnapshotStore(pool: pg.Pool, names: LogNames): SnapshotStore {
  return {
    async load<State>(streamId: string, revision: number): Promise<Snapshot<State> | undefined> {
      const { rows } = await pool.query<{ version: number; state: string }>(
        `SELECT version, state FROM ${names.snapshots} WHERE stream_id = $1 AND revision = $2`,
        [streamId, revision],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return { streamId, revision, version: row.version, state: decodeStoredSnapshotState(streamId, row.state) as State };
    },
    async save(snapshot) {
      const state = JSON.stringify(snapshot.state);
      if (state === undefined) throw new TypeError(`snapshot of ${snapshot.streamId}: the state is not JSON`);
      await pool.query(
        `INSERT INTO ${names.snapshots} (stream_id, revision, version, state) VALUES ($1, $2, $3, $4) ON CONFLICT (stream_id) DO UPDATE SET` +
          " revision = excluded.revision, version = excluded.version, state = excluded.state" +
          ` WHERE ${names.snapshots}.revision <> excluded.revision OR ${names.snapshots}.version < excluded.version`,
        [snapshot.streamId, snapshot.revision, snapshot.version, state],
      );
    },
  };
}
