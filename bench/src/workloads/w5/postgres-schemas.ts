import { threadId } from "node:worker_threads";
import pg from "pg";
import { POSTGRES_MIGRATIONS, type PostgresMigration } from "@handover/store-postgres";
import type { StoredEvent } from "./input.js";

/** The benchmark's server: HANDOVER_PG_URL, or the local server (user postgres, database test). */
export const POSTGRES_URL = process.env.HANDOVER_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const PREFIX = "hb_bench_";
const live = new Set<string>();
let counter = 0;
let swept = false;

/** Runs work on a new client and closes it. */
export async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops a schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  await withClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  live.delete(schema);
}

/**
 * A fresh schema name for one trial (not yet created). Schemas this process made before
 * (a warm-up's) are dropped first, and, once per process, those left by bench processes
 * that are no longer running (a crashed trial never reached its own drop).
 */
export async function freshSchema(label: string): Promise<string> {
  for (const earlier of [...live]) await dropSchema(earlier);
  if (!swept) await dropDeadBenchSchemas();
  swept = true;
  const schema = `${PREFIX}${label}_${process.pid}_${threadId}_${++counter}`;
  live.add(schema);
  return schema;
}

async function dropDeadBenchSchemas(): Promise<void> {
  await withClient(async (client) => {
    const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE '${PREFIX}%'`);
    for (const { nspname } of rows) {
      const pid = Number(/_(\d+)_\d+_\d+$/.exec(nspname)?.[1]);
      if (!isRunning(pid)) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    }
  });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

type LogNames = Parameters<PostgresMigration["sql"]>[0];

/** The names the store's migrations use (as the store's own `logNames` makes them; it is not exported), for a raw schema made with the very same DDL. */
function namesOf(schema: string): LogNames {
  const quotedSchema = `"${schema}"`;
  const channel = `handover_${schema}`.slice(0, 63);
  const table = (name: string): string => `${quotedSchema}.${name}`;
  return {
    schema,
    quotedSchema,
    events: table("events"),
    chainHead: table("chain_head"),
    checkpoints: table("checkpoints"),
    snapshots: table("snapshots"),
    schemaVersion: table("schema_version"),
    beginAppend: table("begin_append"),
    appendBatch: table("append_batch"),
    appendLock: `handover.append:${schema}`,
    migrationLock: `handover.migrate:${schema}`,
    channel,
    quotedChannel: `"${channel}"`,
  };
}

/** Creates a schema with the store's tables and indexes (its own migrations' DDL), for the raw driver to write to. */
export async function createRawSchema(client: pg.Client, schema: string): Promise<void> {
  await client.query(`CREATE SCHEMA "${schema}"`);
  for (const migration of POSTGRES_MIGRATIONS) await client.query(migration.sql(namesOf(schema)));
}

/** Every stream's events read back from a schema with the store's tables, in stream order. */
export async function readBackPostgres(schema: string, streamIds: readonly string[]): Promise<StoredEvent[][]> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ stream_id: string; type: string; data: string }>(`SELECT stream_id, type, data FROM "${schema}".events ORDER BY stream_id, version`);
    const byStream = new Map<string, StoredEvent[]>();
    for (const row of rows) {
      let events = byStream.get(row.stream_id);
      if (events === undefined) byStream.set(row.stream_id, (events = []));
      events.push({ type: row.type, data: JSON.parse(row.data) as unknown });
    }
    return streamIds.map((streamId) => byStream.get(streamId) ?? []);
  });
}
