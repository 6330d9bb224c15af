import pg from "pg";
import { describeRequiring } from "@handover/testing";

/** The test server: HANDOVER_PG_URL, or the local server of CI (user postgres, trust auth, database test). */
export const POSTGRES_URL = process.env.HANDOVER_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unreachable = await probe();
const HOW_TO_RUN =
  "start PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, database test), e.g. `pg_ctlcluster --skip-systemctl-redirect 15 main start`, or set HANDOVER_PG_URL";

/** Describes tests that need the real server: they fail under CI=true when it is unreachable, and are skipped elsewhere saying how to run them. */
export function describePostgres(name: string, body: () => void): void {
  describeRequiring({ what: `PostgreSQL at ${POSTGRES_URL}`, problem: unreachable === undefined ? undefined : `is unreachable (${unreachable})`, howTo: HOW_TO_RUN }, name, body);
}

let schemas = 0;

/** A schema name no other test run uses: each test run works in fresh schemas and drops them after. */
export function freshSchemaName(label: string): string {
  return `ht_${label}_${process.pid}_${Date.now().toString(36)}_${++schemas}`;
}

/** Drops the test schemas with everything in them. */
export async function dropSchemas(pool: pg.Pool, names: readonly string[]): Promise<void> {
  for (const name of names) await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
}
