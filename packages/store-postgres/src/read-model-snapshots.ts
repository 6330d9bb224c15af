import type pg from "pg";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { notAfterLatest, type LogRange, type ReadModelSnapshotRefusal, type ReadModelSnapshotStore, type ReadModelSnapshotWrite, type StoredReadModelSnapshot } from "@handover/core";
import { checkoutClient, releaseClient, rollbackQuietly } from "./clients.js";
import { CURRENT_VERSION } from "./migrations.js";
import type { LogNames } from "./sql-names.js";

interface HeaderRow {
  readonly position: string;
  readonly occurred_until: string;
  readonly recorded_until: string;
  readonly header: string;
}

interface RecordRow {
  readonly collection: string;
  readonly key: string;
  readonly ordinal: number;
  readonly body: string;
}

/** Saves one snapshot in a transaction, under an advisory lock per name, so two writers cannot both pass the "after the latest" check. */
async function saveSnapshot(pool: pg.Pool, names: LogNames, snapshot: ReadModelSnapshotWrite): Promise<Either<ReadModelSnapshotRefusal, void>> {
  const client = await checkoutClient(pool);
  let failure: unknown;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`handover.read-model:${names.schema}:${snapshot.name}`]);
    const latest = (await client.query<{ latest: string | null }>(`SELECT max(position)::text AS latest FROM ${names.quotedSchema}.read_model_snapshots WHERE name = $1`, [snapshot.name])).rows[0]?.latest;
    if (latest !== null && latest !== undefined && snapshot.position <= Number(latest)) {
      await client.query("ROLLBACK");
      return left(notAfterLatest(snapshot.name, snapshot.position, Number(latest)));
    }
    await client.query(`INSERT INTO ${names.quotedSchema}.read_model_snapshots (name, position, occurred_until, recorded_until, header) VALUES ($1, $2, $3, $4, $5)`, [
      snapshot.name,
      snapshot.position,
      snapshot.occurredUntil,
      snapshot.recordedUntil,
      snapshot.header,
    ]);
    if (snapshot.changed.length > 0) {
      await client.query(
        `UPDATE ${names.quotedSchema}.read_model_records r SET superseded_at = $2 FROM unnest($3::text[], $4::text[]) AS changed (collection, key)` +
          ` WHERE r.name = $1 AND r.collection = changed.collection AND r.key = changed.key AND r.superseded_at = ${CURRENT_VERSION}`,
        [snapshot.name, snapshot.position, snapshot.changed.map((record) => record.collection), snapshot.changed.map((record) => record.key)],
      );
      await client.query(
        `INSERT INTO ${names.quotedSchema}.read_model_records (name, collection, key, position, ordinal, body)` +
          " SELECT $1, collection, key, $2, ordinal, body FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[]) AS changed (collection, key, ordinal, body)",
        [snapshot.name, snapshot.position, snapshot.changed.map((record) => record.collection), snapshot.changed.map((record) => record.key), snapshot.changed.map((record) => record.ordinal), snapshot.changed.map((record) => record.body)],
      );
    }
    await client.query("COMMIT");
    return right(undefined);
  } catch (error) {
    failure = error;
    await rollbackQuietly(client);
    throw error;
  } finally {
    releaseClient(client, failure);
  }
}

/** A snapshot's records as of its position, read in one query (the version of each that stood then: saved at or before it, superseded after it), held as text and decoded by the caller when asked for. */
async function openSnapshot(pool: pg.Pool, names: LogNames, name: string, row: HeaderRow): Promise<StoredReadModelSnapshot> {
  const position = Number(row.position);
  const { rows } = await pool.query<RecordRow>(
    `SELECT collection, key, ordinal::integer AS ordinal, body FROM ${names.quotedSchema}.read_model_records` +
      " WHERE name = $1 AND superseded_at > $2 AND position <= $2",
    [name, position],
  );
  const collections = new Map<string, Map<string, RecordRow>>();
  for (const record of rows) {
    let records = collections.get(record.collection);
    if (records === undefined) collections.set(record.collection, (records = new Map()));
    records.set(record.key, record);
  }
  return {
    name,
    position,
    occurredUntil: row.occurred_until,
    recordedUntil: row.recorded_until,
    header: row.header,
    record: (collection, key) => collections.get(collection)?.get(key)?.body,
    records: (collection) =>
      [...(collections.get(collection)?.values() ?? [])].sort((a, b) => a.ordinal - b.ordinal).map((record) => [record.key, record.body] as const),
  };
}

/**
 * Read-model snapshots kept in the log's schema: a header row per snapshot and a row per
 * changed record, each version kept with the position of the save that superseded it, so
 * the records of any snapshot are one indexed range. A snapshot is opened with one query that reads the
 * latest version of each of its records as text (a `record` lookup cannot wait on the
 * server); the caller decodes only the records it asks for.
 */
export function createPostgresReadModelSnapshotStore(pool: pg.Pool, names: LogNames): ReadModelSnapshotStore {
  return {
    save: (snapshot) => saveSnapshot(pool, names, snapshot),
    async load(name: string, range: LogRange = {}) {
      const { rows } = await pool.query<HeaderRow>(
        `SELECT s.position::text AS position, s.occurred_until, s.recorded_until, s.header FROM ${names.quotedSchema}.read_model_snapshots s WHERE s.name = $1` +
          " AND ($2::bigint IS NULL OR s.position <= $2) AND ($3::text IS NULL OR s.occurred_until <= $3) AND ($4::text IS NULL OR s.recorded_until <= $4)" +
          // s.position, not the text column of the same name this query returns.
          " ORDER BY s.position DESC LIMIT 1",
        [name, range.toPosition ?? null, range.until ?? null, range.recordedUntil ?? null],
      );
      const row = rows[0];
      return row === undefined ? undefined : openSnapshot(pool, names, name, row);
    },
  };
}
