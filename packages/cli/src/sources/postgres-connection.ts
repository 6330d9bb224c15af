import type { PostgresPool } from "@handover/store-postgres";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure } from "../command.js";

/** The part of a `pg` pool the CLI uses, and the pool itself for the store. */
export interface SqlPool {
  query<Row>(text: string, values?: readonly unknown[]): Promise<{ readonly rows: Row[] }>;
  end(): Promise<void>;
  /** The driver's pool (made on first use), to hand to the PostgreSQL store. */
  driverPool(): Promise<PostgresPool>;
}

/**
 * A pool on a connection string. The PostgreSQL store (and its `pg` driver) is loaded on the
 * first query, through the store's own `createPostgresPool`, so the CLI has no driver
 * dependency of its own and a command on a file never loads it. Idle-client errors are
 * swallowed (a dropped connection fails the next query instead).
 */
export function createPool(connectionString: string): SqlPool {
  let opened: Promise<PostgresPool> | undefined;
  const driverPool = (): Promise<PostgresPool> =>
    (opened ??= import("@handover/store-postgres").then(({ createPostgresPool }) => createPostgresPool({ connectionString, max: 4, connectionTimeoutMillis: 10_000 })));
  return {
    query: async <Row>(text: string, values?: readonly unknown[]) => {
      const pool = await driverPool();
      const result = await pool.query(text, values === undefined ? undefined : [...values]);
      return { rows: result.rows as Row[] };
    },
    end: async () => {
      if (opened !== undefined) await (await opened).end();
    },
    driverPool,
  };
}

/** One line saying why a server could not be reached or refused us. */
export function connectionProblem(label: string, error: unknown): CliFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = error instanceof Error && error.message !== "" ? error.message : String(code ?? error);
  return inputError(`${label}: cannot read the database (${typeof code === "string" ? `${code}: ` : ""}${reason})`);
}

/** Whether a schema exists and holds a Handover log (its `events` and `chain_head` tables). */
export interface SchemaStanding {
  readonly exists: boolean;
  readonly holdsLog: boolean;
}

/** Looks a schema up without creating anything; a server that cannot be reached is an input error. */
export async function schemaStanding(pool: SqlPool, label: string, schema: string): Promise<Either<CliFailure, SchemaStanding>> {
  try {
    const { rows } = await pool.query<{ exists: boolean; holds_log: boolean }>(
      `select exists (select 1 from pg_namespace where nspname = $1) as exists,
              to_regclass(format('%I.events', $1::text)) is not null and to_regclass(format('%I.chain_head', $1::text)) is not null as holds_log`,
      [schema],
    );
    const row = rows[0];
    return right({ exists: row?.exists === true, holdsLog: row?.holds_log === true });
  } catch (error) {
    return left(connectionProblem(label, error));
  }
}

/** The schemas of the database that hold a Handover log, for "did you mean" messages. */
export async function logSchemas(pool: SqlPool): Promise<string[]> {
  const { rows } = await pool.query<{ schema: string }>(
    `select e.table_schema as schema from information_schema.tables e
       join information_schema.tables h on h.table_schema = e.table_schema and h.table_name = 'chain_head'
      where e.table_name = 'events' order by 1`,
  );
  return rows.map((row) => row.schema);
}
