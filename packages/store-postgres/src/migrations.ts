import type pg from "pg";
import { GENESIS_HASH } from "@handover/core";
import { checkoutClient, releaseClient } from "./clients.js";
import { PostgresStoreError } from "./errors.js";
import { rewriteCanonical } from "./rewrite-canonical.js";
import type { LogNames } from "./sql-names.js";

/** One step of a log's schema: the version it brings the schema to and its DDL. */
export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  /** The DDL for a log in the schema these names describe (names are quoted identifiers). */
  readonly sql: (names: LogNames) => string;
  /** Work in code after the DDL, in the same transaction (rewriting stored text, say). */
  readonly run?: (client: pg.PoolClient, names: LogNames) => Promise<void>;
}

/** Every schema version this code knows, in order. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: "events with a global position and unique (stream, version); chain head; checkpoints; snapshots; begin_append",
    sql: (names) => `
      CREATE TABLE ${names.events} (
        position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data text NOT NULL,
        meta text NOT NULL,
        occurred_at text COLLATE "C" NOT NULL,
        recorded_at text COLLATE "C" NOT NULL,
        command_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT events_stream_version UNIQUE (stream_id, version)
      );
      CREATE INDEX events_command ON ${names.events} (command_id, position) WHERE command_id IS NOT NULL;
      CREATE TABLE ${names.chainHead} (
        id integer PRIMARY KEY CHECK (id = 1),
        position bigint NOT NULL,
        hash text NOT NULL
      );
      INSERT INTO ${names.chainHead} (id, position, hash) VALUES (1, 0, '${GENESIS_HASH}');
      CREATE TABLE ${names.checkpoints} (name text PRIMARY KEY, position bigint NOT NULL);
      CREATE TABLE ${names.snapshots} (
        stream_id text PRIMARY KEY,
        revision integer NOT NULL,
        version integer NOT NULL,
        state text NOT NULL
      );
      -- Takes the log's append lock, then reads with a fresh snapshot (a VOLATILE function
      -- sees every commit before the lock was granted): the stream's version, the chain
      -- head, and the stream a command id was appended to, if it was. Committed events
      -- never change and versions only grow, so when the command id is already in the log,
      -- or the stream is already past the version the writer expects, the answer is certain
      -- without the lock (locked = false): duplicates and doomed appends never queue
      -- behind the log's writers.
      CREATE FUNCTION ${names.beginAppend}(lock_name text, target_stream text, target_command text, expected_at_most integer)
      RETURNS TABLE (locked boolean, stream_version integer, head_position bigint, head_hash text, command_stream text)
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        current_version integer;
        known_command_stream text;
      BEGIN
        SELECT e.stream_id INTO known_command_stream FROM ${names.events} e
          WHERE target_command IS NOT NULL AND e.command_id = target_command ORDER BY e.position LIMIT 1;
        IF expected_at_most IS NOT NULL OR known_command_stream IS NOT NULL THEN
          SELECT coalesce(max(e.version), 0)::integer INTO current_version FROM ${names.events} e WHERE e.stream_id = target_stream;
          IF known_command_stream IS NOT NULL OR current_version > expected_at_most THEN
            RETURN QUERY SELECT false, current_version, NULL::bigint, NULL::text, known_command_stream;
            RETURN;
          END IF;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended(lock_name, 0));
        RETURN QUERY SELECT
          true,
          (SELECT coalesce(max(e.version), 0)::integer FROM ${names.events} e WHERE e.stream_id = target_stream),
          h.position,
          h.hash,
          (SELECT e.stream_id FROM ${names.events} e WHERE target_command IS NOT NULL AND e.command_id = target_command ORDER BY e.position LIMIT 1)
        FROM ${names.chainHead} h WHERE h.id = 1;
      END
      $fn$;

      -- The whole append in one statement, for a writer that knows the log's head: checks,
      -- without the lock and again under it, that the command id is new and that the
      -- stream version and the head are those the batch was built on; then inserts the
      -- batch, moves the head and notifies, all committing with the statement. Otherwise
      -- it answers duplicate, conflict (certain without the lock) or stale, writing nothing.
      CREATE FUNCTION ${names.appendBatch}(
        lock_name text, target_stream text, target_command text, expected_at_most integer,
        base_version integer, base_position bigint, base_hash text,
        new_positions bigint[], new_versions integer[], new_event_ids text[], new_types text[], new_schema_versions integer[],
        new_data text[], new_meta text[], new_occurred_at text[], new_recorded_at text[], new_command_ids text[],
        new_prev_hashes text[], new_hashes text[], channel text)
      RETURNS TABLE (outcome text, stream_version integer, head_position bigint, head_hash text, command_stream text)
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        current_version integer;
        current_position bigint;
        current_hash text;
        known_command_stream text;
        batch_size integer := cardinality(new_positions);
      BEGIN
        FOR attempt IN 1..2 LOOP
          IF attempt = 2 THEN
            PERFORM pg_advisory_xact_lock(hashtextextended(lock_name, 0));
          END IF;
          SELECT e.stream_id INTO known_command_stream FROM ${names.events} e
            WHERE target_command IS NOT NULL AND e.command_id = target_command ORDER BY e.position LIMIT 1;
          SELECT coalesce(max(e.version), 0)::integer INTO current_version FROM ${names.events} e WHERE e.stream_id = target_stream;
          SELECT h.position, h.hash INTO current_position, current_hash FROM ${names.chainHead} h WHERE h.id = 1;
          IF known_command_stream IS NOT NULL THEN
            RETURN QUERY SELECT 'duplicate'::text, current_version, current_position, current_hash, known_command_stream;
            RETURN;
          END IF;
          IF current_version > expected_at_most THEN
            RETURN QUERY SELECT 'conflict'::text, current_version, current_position, current_hash, NULL::text;
            RETURN;
          END IF;
          IF current_version <> base_version OR current_position <> base_position OR current_hash <> base_hash THEN
            RETURN QUERY SELECT 'stale'::text, current_version, current_position, current_hash, NULL::text;
            RETURN;
          END IF;
        END LOOP;
        INSERT INTO ${names.events} (position, stream_id, version, event_id, type, schema_version, data, meta, occurred_at, recorded_at, command_id, prev_hash, hash)
          SELECT * FROM unnest(new_positions, array_fill(target_stream, ARRAY[batch_size]), new_versions, new_event_ids, new_types, new_schema_versions,
            new_data, new_meta, new_occurred_at, new_recorded_at, new_command_ids, new_prev_hashes, new_hashes);
        UPDATE ${names.chainHead} SET position = new_positions[batch_size], hash = new_hashes[batch_size] WHERE id = 1;
        PERFORM pg_notify(channel, new_positions[batch_size]::text);
        RETURN QUERY SELECT 'appended'::text, current_version + batch_size, new_positions[batch_size], new_hashes[batch_size], NULL::text;
      END
      $fn$;
    `,
  },
  {
    version: 2,
    description: "the Merkle tree of the log (RFC 9162): its frontier and every complete subtree from level 8; data and meta stored as canonical JSON",
    sql: (names) => `
      CREATE TABLE ${names.quotedSchema}.merkle_tree (id integer PRIMARY KEY CHECK (id = 1), size bigint NOT NULL, frontier text NOT NULL);
      INSERT INTO ${names.quotedSchema}.merkle_tree (id, size, frontier) VALUES (1, 0, '');
      CREATE TABLE ${names.quotedSchema}.merkle_nodes (level integer NOT NULL, idx bigint NOT NULL, hash text NOT NULL, PRIMARY KEY (level, idx));
    `,
    run: rewriteCanonical,
  },
  {
    version: 3,
    description: "how far the rows were checked under each catalogue (by its fingerprint), so reads check each row once",
    sql: (names) => `CREATE TABLE ${names.quotedSchema}.checked_reads (fingerprint text PRIMARY KEY, through bigint NOT NULL);`,
  },
  {
    version: 4,
    description: "read-model snapshots (the CMDB's, say): a header per snapshot and each version of each changed record, with the position that superseded it",
    sql: (names) => `
      CREATE TABLE ${names.quotedSchema}.read_model_snapshots (
        name text COLLATE "C" NOT NULL, position bigint NOT NULL, occurred_until text COLLATE "C" NOT NULL, recorded_until text COLLATE "C" NOT NULL, header text NOT NULL,
        PRIMARY KEY (name, position)
      );
      CREATE TABLE ${names.quotedSchema}.read_model_records (
        name text COLLATE "C" NOT NULL, collection text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL, position bigint NOT NULL,
        superseded_at bigint NOT NULL DEFAULT ${CURRENT_VERSION}, ordinal bigint NOT NULL, body text NOT NULL,
        PRIMARY KEY (name, collection, key, position)
      );
      CREATE INDEX read_model_records_standing ON ${names.quotedSchema}.read_model_records (name, superseded_at);
    `,
  },
  {
    version: 5,
    description: "read-model records by the position they were saved at, so a process that holds a snapshot's records reads only the versions saved since",
    sql: (names) => `CREATE INDEX read_model_records_saved ON ${names.quotedSchema}.read_model_records (name, position);`,
  },
];

/** `superseded_at` of a record version no later one has replaced (bigint's largest value). */
export const CURRENT_VERSION = "9223372036854775807";

/** The schema version this code writes and reads. */
export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length;

/**
 * Creates the schema and brings it to `POSTGRES_SCHEMA_VERSION` in one transaction, under
 * an advisory lock so concurrent openers migrate once. Refuses a schema migrated by a
 * newer Handover, changing nothing.
 */
export async function migratePostgres(pool: pg.Pool, names: LogNames): Promise<void> {
  const client = await checkoutClient(pool);
  let failure: unknown;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [names.migrationLock]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.quotedSchema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${names.schemaVersion} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const current = await client.query<{ version: number }>(`SELECT coalesce(max(version), 0)::integer AS version FROM ${names.schemaVersion}`);
    const version = current.rows[0]?.version ?? 0;
    if (version > POSTGRES_SCHEMA_VERSION) {
      throw new PostgresStoreError(
        "schema_too_new",
        names.schema,
        `the log has schema version ${version}, newer than this @handover/store-postgres knows (${POSTGRES_SCHEMA_VERSION}); upgrade @handover/store-postgres to open it`,
      );
    }
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= version) continue;
      await client.query(migration.sql(names));
      await migration.run?.(client, names);
      await client.query(`INSERT INTO ${names.schemaVersion} (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
    }
    await client.query("COMMIT");
  } catch (error) {
    failure = error;
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    releaseClient(client, failure);
  }
}
