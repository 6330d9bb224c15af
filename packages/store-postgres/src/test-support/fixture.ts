import pg from "pg";
import { afterAll } from "vitest";
import { openPostgresEventStore, type PostgresEventStore } from "../postgres-store.js";
import type { PostgresStoreOptions } from "../options.js";
import { dropSchemas, freshSchemaName, POSTGRES_URL } from "./postgres.js";

/** A shared test pool and fresh schemas that are dropped after the file's tests. */
export interface PostgresFixture {
  readonly pool: pg.Pool;
  /** Opens a store on a fresh schema (or the given one) through the shared pool. */
  open(options?: Partial<PostgresStoreOptions>): Promise<PostgresEventStore>;
  /** A fresh schema name that is dropped after the tests. */
  schema(label?: string): string;
}

/** Creates the fixture of one test file: call at the top level of the file. */
export function postgresFixture(label: string, max = 12): PostgresFixture {
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max });
  pool.on("error", () => undefined);
  const schemas: string[] = [];
  afterAll(async () => {
    await dropSchemas(pool, schemas).finally(() => pool.end());
  });
  const schema = (suffix = label): string => {
    const name = freshSchemaName(suffix);
    schemas.push(name);
    return name;
  };
  return {
    pool,
    schema,
    open: (options = {}) => openPostgresEventStore({ pool, schema: options.schema ?? schema(), ...options }),
  };
}
