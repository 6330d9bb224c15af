import pg from "pg";
import { eventStoreConformance } from "@handover/testing";
import { afterAll } from "vitest";
import { openPostgresEventStore } from "./postgres-store.js";
import { describePostgres, dropSchemas, freshSchemaName, POSTGRES_URL } from "./test-support/postgres.js";

const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 12 });
pool.on("error", () => undefined);
const schemas: string[] = [];
afterAll(async () => {
  await dropSchemas(pool, schemas).finally(() => pool.end());
});

describePostgres("PostgreSQL store", () => {
  eventStoreConformance("PostgreSQL store", (options) => {
    const schema = freshSchemaName("conf");
    schemas.push(schema);
    return openPostgresEventStore({ pool, schema, ...options });
  });
  eventStoreConformance("PostgreSQL store reading 2 rows a page", (options) => {
    const schema = freshSchemaName("conf2");
    schemas.push(schema);
    return openPostgresEventStore({ pool, schema, readBatchSize: 2, ...options });
  });
});
