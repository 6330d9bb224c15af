import { openEmmettPostgres, readBackEmmett, toEmmettEvent, EMMETT_POSTGRES } from "./emmett-stores.js";
import { importWhole, openHandoverPostgres } from "./handover-stores.js";
import { eventsByStream, storeInput } from "./input.js";
import { BULK_SIZE, storeFinished, storeWorkload } from "./kit.js";
import { dropSchema, freshSchema, readBackPostgres, withClient } from "./postgres-schemas.js";
import { rawClient } from "./raw-client.js";
import { rawPostgresInsertAll } from "./raw-postgres.js";

/** Issue 9 W5, PostgreSQL: a whole recorded log in bulk, against one raw batch transaction and Emmett's PostgreSQL store. */
export const w5PgBulkWorkload = storeWorkload({
  id: "w5-pg-bulk",
  title: "W5 PostgreSQL: bulk import of a recorded log",
  unit: "events",
  fullSize: BULK_SIZE,
  target: 0.8,
  handover: {
    id: "handover",
    label: "Handover PostgreSQL store: importLog(log) (one transaction, COPY per 5,000 events; envelope, chain, versions, schemas checked)",
    setup: async (size, seed) => {
      const { log, streamIds } = storeInput(size, seed);
      const schema = await freshSchema("handover");
      const store = await openHandoverPostgres(schema);
      return async () => {
        await importWhole(store, log);
        return storeFinished(log.length, async () => (await store.close(), readBackPostgres(schema, streamIds)), () => dropSchema(schema));
      };
    },
  },
  raw: {
    id: "raw",
    label: "raw pg: one transaction of 1,000-row multi-row INSERTs, then the head",
    setup: async (size, seed) => {
      const { log, streamIds } = storeInput(size, seed);
      const schema = await freshSchema("raw");
      const client = await rawClient(schema, true);
      return async () => {
        await rawPostgresInsertAll(client, schema, log);
        return storeFinished(log.length, async () => (await client.end(), readBackPostgres(schema, streamIds)), () => dropSchema(schema));
      };
    },
  },
  emmett: {
    id: "emmett",
    label: `${EMMETT_POSTGRES}: one appendToStream per stream with all its events (it has no log import)`,
    setup: async (size, seed) => {
      const { entries, streamIds } = storeInput(size, seed);
      const byStream = [...eventsByStream(entries)].map(([streamId, events]) => ({ streamId, events: events.map(toEmmettEvent) }));
      const schema = await freshSchema("emmett");
      await withClient((client) => client.query(`CREATE SCHEMA "${schema}"`));
      const store = openEmmettPostgres(schema);
      await store.readStream("bench-schema-created-untimed");
      return async () => {
        for (const { streamId, events } of byStream) await store.appendToStream(streamId, events);
        return storeFinished(entries.length, () => readBackEmmett(store, streamIds), async () => (await store.close(), await dropSchema(schema)));
      };
    },
  },
  note: "The recorded, hash-chained log of W1's events into a fresh schema; Emmett has no import of a global log, so it gets its most favourable batching, one append per stream.",
});
