import type pg from "pg";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { checkReadModelSnapshotWrite, notAfterLatest, type LogRange, type ReadModelRecord, type ReadModelSnapshotRefusal, type ReadModelSnapshotStore, type ReadModelSnapshotWrite, type StoredReadModelSnapshot } from "@handover/core";
import { checkoutClient, releaseClient, rollbackQuietly } from "./clients.js";
import { CURRENT_VERSION } from "./migrations.js";
import type { LogNames } from "./sql-names.js";

interface HeaderRow {
  readonly position: string;
  readonly occurred_until: string;
  readonly recorded_until: string;
  readonly header: string;
}

/** Saves one snapshot in a transaction, under an advisory lock per name, so two writers cannot both pass the "after the latest" check; answers the position of the snapshot it follows (0 for the first). */
async function saveSnapshot(pool: pg.Pool, names: LogNames, snapshot: ReadModelSnapshotWrite): Promise<Either<ReadModelSnapshotRefusal, number>> {
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
    return right(latest === null || latest === undefined ? 0 : Number(latest));
  } catch (error) {
    failure = error;
    await rollbackQuietly(client);
    throw error;
  } finally {
    releaseClient(client, failure);
  }
}

/** A snapshot's records by collection and key, as they stood at one position. */
type RecordsByCollection = ReadonlyMap<string, ReadonlyMap<string, ReadModelRecord>>;

/** The records of a name as they stood at `through`, held by this store so a later snapshot reads only the versions saved since. */
interface HeldRecords {
  readonly through: number;
  readonly collections: RecordsByCollection;
}

/** The records as of `position`, read whole: the version of each that stood then (saved at or before it, superseded after it). */
async function readRecords(pool: pg.Pool, names: LogNames, name: string, position: number): Promise<RecordsByCollection> {
  const { rows } = await pool.query<ReadModelRecord>(
    `SELECT collection, key, ordinal::integer AS ordinal, body FROM ${names.quotedSchema}.read_model_records` +
      " WHERE name = $1 AND superseded_at > $2 AND position <= $2",
    [name, position],
  );
  return withVersions(new Map(), rows);
}

/** The records as of `position` from those held at an earlier point: the held ones, replaced by the versions saved after it, up to `position`. */
async function advanceRecords(pool: pg.Pool, names: LogNames, name: string, held: HeldRecords, position: number): Promise<RecordsByCollection> {
  const { rows } = await pool.query<ReadModelRecord>(
    `SELECT collection, key, ordinal::integer AS ordinal, body FROM ${names.quotedSchema}.read_model_records` +
      " WHERE name = $1 AND position > $2 AND position <= $3 ORDER BY position",
    [name, held.through, position],
  );
  return rows.length === 0 ? held.collections : withVersions(held.collections, rows);
}

/** A copy of the records with these versions put in (later rows win); the collections they touch are copied, the others shared, so a snapshot handed out earlier keeps reading as it stood. */
function withVersions(from: RecordsByCollection, rows: readonly ReadModelRecord[]): RecordsByCollection {
  const collections = new Map(from);
  const copied = new Set<string>();
  for (const record of rows) {
    let records = collections.get(record.collection) as Map<string, ReadModelRecord> | undefined;
    if (!copied.has(record.collection)) {
      collections.set(record.collection, (records = new Map(records)));
      copied.add(record.collection);
    }
    (records as Map<string, ReadModelRecord>).set(record.key, record);
  }
  return collections;
}

function snapshotOf(name: string, position: number, row: HeaderRow, collections: RecordsByCollection): StoredReadModelSnapshot {
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
 * the records of any snapshot are one indexed range. A `record` lookup cannot wait on the
 * server, so opening a snapshot reads its records as text (the caller decodes only those it
 * asks for); the store holds the records of the latest snapshot it opened or saved of each
 * name, so opening a later one reads only the versions saved since (none, when it is the
 * same), and only an earlier one, or the first a process opens, is read whole.
 */
export function createPostgresReadModelSnapshotStore(pool: pg.Pool, names: LogNames): ReadModelSnapshotStore {
  const held = new Map<string, HeldRecords>();
  /** The records as of the snapshot's position: from those held when at or before it, else read whole; held from then on when later than those held. */
  const recordsAt = async (name: string, position: number): Promise<RecordsByCollection> => {
    const before = held.get(name);
    if (before?.through === position) return before.collections;
    const collections = before !== undefined && before.through < position ? await advanceRecords(pool, names, name, before, position) : await readRecords(pool, names, name, position);
    // Two opens may run at once: keep the later point.
    if ((held.get(name)?.through ?? -1) < position) held.set(name, { through: position, collections });
    return collections;
  };
  return {
    async save(given) {
      const checked = checkReadModelSnapshotWrite(given);
      if (checked._tag === "Left") return checked;
      const snapshot = checked.right;
      const saved = await saveSnapshot(pool, names, snapshot);
      if (saved._tag === "Left") return saved;
      // The records this store holds, when they are those of the snapshot this one follows, plus the changed ones are this one's: no need to read them back.
      const before = held.get(snapshot.name);
      const base = saved.right === 0 ? new Map() : before?.through === saved.right ? before.collections : undefined;
      if (base !== undefined && (held.get(snapshot.name)?.through ?? -1) < snapshot.position) held.set(snapshot.name, { through: snapshot.position, collections: withVersions(base, snapshot.changed) });
      return right(undefined);
    },
    async load(name: string, range: LogRange = {}) {
      const { rows } = await pool.query<HeaderRow>(
        `SELECT s.position::text AS position, s.occurred_until, s.recorded_until, s.header FROM ${names.quotedSchema}.read_model_snapshots s WHERE s.name = $1` +
          " AND ($2::bigint IS NULL OR s.position <= $2) AND ($3::text IS NULL OR s.occurred_until <= $3) AND ($4::text IS NULL OR s.recorded_until <= $4)" +
          // s.position, not the text column of the same name this query returns.
          " ORDER BY s.position DESC LIMIT 1",
        [name, range.toPosition ?? null, range.until ?? null, range.recordedUntil ?? null],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      const position = Number(row.position);
      return snapshotOf(name, position, row, await recordsAt(name, position));
    },
  };
}
