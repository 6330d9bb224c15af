import { STORED_EVENT_COLUMNS, STORED_EVENT_INSERT_COLUMNS, type StoredEventRow, type ChainHead } from "@handover/core";
import type Database from "better-sqlite3";

/** The prepared read statements of one connection. */
export interface SqliteQueries {
  readonly streamVersion: Database.Statement<[string], number>;
  readonly head: Database.Statement<[], ChainHead>;
  readonly lastEvent: Database.Statement<[], ChainHead>;
  readonly commandStream: Database.Statement<[string], string>;
  readonly commandEvents: Database.Statement<[string, string], StoredEventRow>;
  readonly logPage: Database.Statement<[LogPageParameters], StoredEventRow>;
  readonly streamPage: Database.Statement<[StreamPageParameters], StoredEventRow>;
}

/** Parameters of one page of `readAll`. */
export interface LogPageParameters {
  readonly after: number;
  readonly to: number;
  readonly until: string | null;
  readonly recordedUntil: string | null;
  readonly limit: number;
}

/** Parameters of one page of `readStream`. */
export interface StreamPageParameters {
  readonly streamId: string;
  readonly from: number;
  readonly to: number;
  readonly limit: number;
}

/** Prepares the read statements once per connection, so a read costs one step each. */
export function prepareQueries(db: Database.Database): SqliteQueries {
  return {
    streamVersion: db.prepare<[string], number>("SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?").pluck(),
    head: db.prepare<[], ChainHead>("SELECT position, hash FROM chain_head WHERE only = 1"),
    lastEvent: db.prepare<[], ChainHead>("SELECT position, hash FROM events ORDER BY position DESC LIMIT 1"),
    commandStream: db.prepare<[string], string>("SELECT stream_id FROM events WHERE command_id = ? ORDER BY position LIMIT 1").pluck(),
    commandEvents: db.prepare<[string, string], StoredEventRow>(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE command_id = ? AND stream_id = ? ORDER BY position`),
    logPage: db.prepare<[LogPageParameters], StoredEventRow>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE position > @after AND position <= @to` +
        " AND (@until IS NULL OR occurred_at <= @until) AND (@recordedUntil IS NULL OR recorded_at <= @recordedUntil)" +
        " ORDER BY position LIMIT @limit",
    ),
    streamPage: db.prepare<[StreamPageParameters], StoredEventRow>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE stream_id = @streamId AND version >= @from AND version <= @to ORDER BY version LIMIT @limit`,
    ),
  };
}

/** The prepared write statements of the writing connection. */
export interface SqliteWrites {
  readonly insertEvent: Database.Statement<unknown[]>;
  readonly updateHead: Database.Statement<[number, string]>;
  readonly saveCheckpoint: Database.Statement<[string, number]>;
  readonly saveSnapshot: Database.Statement<[string, number, number, string]>;
}

/** Prepares the write statements of the writing connection. */
export function prepareWrites(db: Database.Database): SqliteWrites {
  return {
    insertEvent: db.prepare(`INSERT INTO events (${STORED_EVENT_INSERT_COLUMNS}) VALUES (${STORED_EVENT_INSERT_COLUMNS.split(",").map(() => "?").join(", ")})`),
    updateHead: db.prepare<[number, string]>("UPDATE chain_head SET position = ?, hash = ? WHERE only = 1"),
    saveCheckpoint: db.prepare<[string, number]>(
      "INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position",
    ),
    saveSnapshot: db.prepare<[string, number, number, string]>(
      "INSERT INTO snapshots (stream_id, revision, version, state) VALUES (?, ?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET" +
        " revision = excluded.revision, version = excluded.version, state = excluded.state" +
        " WHERE snapshots.revision <> excluded.revision OR snapshots.version < excluded.version",
    ),
  };
}
