import type Database from "better-sqlite3";
import { GENESIS_HASH } from "@handover/core";
import { SqliteStoreError } from "./errors.js";
import { catchUpTree, prepareTreeStatements } from "./merkle.js";
import { rewriteCanonical } from "./rewrite-canonical.js";

/** One step of the schema: the version it brings the file to and the SQL that does it. */
export interface SqliteMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
  /** Work in code after the SQL, in the same transaction (rewriting stored text, say). */
  readonly run?: (db: Database.Database, path: string) => void;
}

/** Marks a file as a Handover store (`PRAGMA application_id`, "HAND" in ASCII). */
export const HANDOVER_APPLICATION_ID = 0x48414e44;

/** Every schema version this code knows, in order; the file's version is `PRAGMA user_version`. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    description: "events with a global position and unique (stream, version); chain head; checkpoints; snapshots",
    sql: `
      CREATE TABLE events (
        position INTEGER PRIMARY KEY,
        stream_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        meta TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        command_id TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE UNIQUE INDEX events_stream_version ON events (stream_id, version);
      CREATE INDEX events_command ON events (command_id) WHERE command_id IS NOT NULL;
      CREATE TABLE chain_head (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        position INTEGER NOT NULL,
        hash TEXT NOT NULL
      );
      INSERT INTO chain_head (only, position, hash) VALUES (1, 0, '${GENESIS_HASH}');
      CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE snapshots (
        stream_id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: "the Merkle tree of the log (RFC 9162): its frontier and every complete subtree from level 8; data and meta stored as canonical JSON",
    sql: `
      CREATE TABLE merkle_tree (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        size INTEGER NOT NULL,
        frontier TEXT NOT NULL
      );
      INSERT INTO merkle_tree (only, size, frontier) VALUES (1, 0, '');
      CREATE TABLE merkle_nodes (
        level INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (level, idx)
      ) WITHOUT ROWID;
    `,
    run: (db, path) => {
      rewriteCanonical(db, path);
      catchUpTree(db, prepareTreeStatements(db), path);
    },
  },
  {
    version: 3,
    description: "how far the rows were checked under each catalogue (by its fingerprint), so reads check each row once",
    sql: `
      CREATE TABLE checked_reads (fingerprint TEXT PRIMARY KEY, through INTEGER NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description: "read-model snapshots (the CMDB's, say): a header per snapshot and each version of each changed record, read one record at a time",
    sql: `
      CREATE TABLE read_model_snapshots (
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        occurred_until TEXT NOT NULL,
        recorded_until TEXT NOT NULL,
        header TEXT NOT NULL,
        PRIMARY KEY (name, position)
      ) WITHOUT ROWID;
      CREATE TABLE read_model_records (
        name TEXT NOT NULL,
        collection TEXT NOT NULL,
        key TEXT NOT NULL,
        position INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE UNIQUE INDEX read_model_records_key ON read_model_records (name, collection, key, position);
    `,
  },
];

/** The schema version this code writes and reads. */
export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.length;

/**
 * Brings the file's schema up to `SQLITE_SCHEMA_VERSION` in one `BEGIN IMMEDIATE`
 * transaction (so two processes opening a new file do not both migrate). Refuses a file
 * that is another application's database or was written by a newer Handover.
 */
export function migrateSqlite(db: Database.Database, path: string): void {
  if (schemaVersionOf(db, path) === SQLITE_SCHEMA_VERSION) return;
  db.transaction(() => {
    const current = schemaVersionOf(db, path);
    for (const migration of SQLITE_MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      migration.run?.(db, path);
      db.pragma(`user_version = ${migration.version}`);
    }
    db.pragma(`application_id = ${HANDOVER_APPLICATION_ID}`);
  }).immediate();
}

function schemaVersionOf(db: Database.Database, path: string): number {
  const applicationId = db.pragma("application_id", { simple: true }) as number;
  const version = db.pragma("user_version", { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== HANDOVER_APPLICATION_ID) {
    throw new SqliteStoreError("not_a_handover_store", path, `the file belongs to another application (application_id ${applicationId}); open a Handover store file`);
  }
  if (applicationId === 0 && (version !== 0 || hasTables(db))) {
    throw new SqliteStoreError("not_a_handover_store", path, "the file is a SQLite database of another application (it has tables but no Handover mark); open a Handover store file or a new path");
  }
  if (version > SQLITE_SCHEMA_VERSION) {
    throw new SqliteStoreError(
      "schema_too_new",
      path,
      `the store has schema version ${version}, newer than this @handover/store-sqlite knows (${SQLITE_SCHEMA_VERSION}); upgrade @handover/store-sqlite to open it`,
    );
  }
  return version;
}

function hasTables(db: Database.Database): boolean {
  return db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() !== 0;
}
