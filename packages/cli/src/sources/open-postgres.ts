import type { PostgresEventStore } from "@handover/store-postgres";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure } from "../command.js";
import { storeSource, type LogSource } from "./log-source.js";
import { connectionProblem, createPool, logSchemas, schemaStanding, type SqlPool } from "./postgres-connection.js";
import type { SourceSpec } from "./source-spec.js";

type PostgresSpec = Extract<SourceSpec, { kind: "postgres" }>;

/**
 * Opens the store on a pool the caller made. The store module is loaded only when a
 * PostgreSQL log is used, so reading files never loads the driver.
 */
export async function openPostgresStore(spec: PostgresSpec, pool: SqlPool): Promise<Either<CliFailure, PostgresEventStore>> {
  const { openPostgresEventStore, PostgresStoreError } = await import("@handover/store-postgres");
  try {
    return right(await openPostgresEventStore({ pool: await pool.driverPool(), schema: spec.schema }));
  } catch (error) {
    if (error instanceof PostgresStoreError) return left(inputError(`${spec.label}: ${error.message}`));
    return left(connectionProblem(spec.label, error));
  }
}

async function missingLog(spec: PostgresSpec, pool: SqlPool, schemaExists: boolean): Promise<CliFailure> {
  const logs = await logSchemas(pool).catch(() => []);
  const known = logs.length === 0 ? "the database holds no Handover log" : `logs are in: ${logs.join(", ")}`;
  const what = schemaExists ? `schema "${spec.schema}" holds no Handover log` : `no schema "${spec.schema}"`;
  return inputError(`${spec.label}: ${what}; ${known} (choose one with ?schema= or --schema)`);
}

/**
 * Opens a PostgreSQL log for reading: the schema must already hold a log (the store
 * itself would create an empty one, which an audit must never mistake for a log).
 */
export async function openPostgresLog(spec: PostgresSpec): Promise<Either<CliFailure, LogSource>> {
  const pool = createPool(spec.connectionString);
  const standing = await schemaStanding(pool, spec.label, spec.schema);
  const failed = async (failure: CliFailure): Promise<Either<CliFailure, LogSource>> => {
    await pool.end().catch(() => undefined);
    return left(failure);
  };
  if (standing._tag === "Left") return failed(standing.left);
  if (!standing.right.holdsLog) return failed(await missingLog(spec, pool, standing.right.exists));
  const store = await openPostgresStore(spec, pool);
  if (store._tag === "Left") return failed(store.left);
  const close = async (): Promise<void> => {
    await store.right.close();
    await pool.end();
  };
  return right(await storeSource(spec, store.right, close));
}
