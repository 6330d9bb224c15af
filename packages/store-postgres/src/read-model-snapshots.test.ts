import pg from "pg";
import { readModelSnapshotConformance } from "@handover/testing";
import { afterAll } from "vitest";
import { openPostgresEventStore } from "./postgres-store.js";
import { describePostgres, dropSchemas, freshSchemaName, POSTGRES_URL } from "./test-support/postgres.js";

const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 4 });
pool.on("error", () => undefined);
const schemas: string[] = [];
afterAll(async () => {
  await dropSchemas(pool, schemas).finally(() => pool.end());
});

describePostgres("PostgreSQL read-model snapshots", () => {
  readModelSnapshotConformance("PostgreSQL read-model snapshot store", async () => {
    const schema = freshSchemaName("rms");
    schemas.push(schema);
    const store = await openPostgresEventStore({ pool, schema });
    return { store: store.readModelSnapshots, close: () => store.close() };
  });
});
