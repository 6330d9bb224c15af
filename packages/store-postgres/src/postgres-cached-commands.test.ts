import { cachedCommandsProperty, ledgerCatalogue } from "@handover/testing";
import pg from "pg";
import { afterAll } from "vitest";
import { openPostgresEventStore } from "./postgres-store.js";
import { describePostgres, dropSchemas, freshSchemaName, POSTGRES_URL } from "./test-support/postgres.js";

// Two pools, so the writers never share a connection, as two processes would not.
const pools = [new pg.Pool({ connectionString: POSTGRES_URL, max: 2 }), new pg.Pool({ connectionString: POSTGRES_URL, max: 2 })] as const;
for (const pool of pools) pool.on("error", () => undefined);
const schemas: string[] = [];
afterAll(async () => {
  await dropSchemas(pools[0], schemas).finally(() => Promise.all(pools.map((pool) => pool.end())));
});

describePostgres("PostgreSQL store", () => {
  cachedCommandsProperty(
    "aggregate cache with two writers on one PostgreSQL log",
    async () => {
      const schema = freshSchemaName("cache");
      schemas.push(schema);
      const first = await openPostgresEventStore({ pool: pools[0], schema, catalogue: ledgerCatalogue });
      const second = await openPostgresEventStore({ pool: pools[1], schema, catalogue: ledgerCatalogue });
      // The pools outlive the stores: closing a store given a pool leaves the pool open.
      return { first, second, close: async () => void (await Promise.all([first.close(), second.close()])) };
    },
    { runs: 15 },
  );
});
