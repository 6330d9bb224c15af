import { openEmmettPostgres, readBackEmmett, toEmmettEvent, EMMETT_POSTGRES } from "./emmett-stores.js";
import { appendEach, openHandoverPostgres } from "./handover-stores.js";
import { storeInput } from "./input.js";
import { COMMAND_SIZE, storeFinished, storeWorkload } from "./kit.js";
import { dropSchema, freshSchema, readBackPostgres, withClient } from "./postgres-schemas.js";
import { rawClient } from "./raw-client.js";
import { rawPostgresAppendEach } from "./raw-postgres.js";

/** Issue 9 W5, PostgreSQL: one durable transaction per command, against raw pg and Emmett's PostgreSQL store. */
export const w5PgCommandWorkload = storeWorkload({
  id: "w5-pg-command",
  title: "W5 PostgreSQL: one durable transaction per command",
  unit: "commands",
  fullSize: COMMAND_SIZE,
  target: 0.9,
  handover: {
    id: "handover",
    label: "Handover PostgreSQL store: appendToStream per command (expected version, schema check, hash chain)",
    setup: async (size, seed) => {
      const { entries, streamIds } = storeInput(size, seed);
      const schema = await freshSchema("handover");
      const store = await openHandoverPostgres(schema);
      return async () => {
        await appendEach(store, entries);
        return storeFinished(entries.length, async () => (await store.close(), readBackPostgres(schema, streamIds)), () => dropSchema(schema));
      };
    },
  },
  raw: {
    id: "raw",
    label: "raw pg: one prepared statement per command inserting the row and moving the head, committed on its own",
    setup: async (size, seed) => {
      const { log, streamIds } = storeInput(size, seed);
      const schema = await freshSchema("raw");
      const client = await rawClient(schema, true);
      return async () => {
        await rawPostgresAppendEach(client, schema, log);
        return storeFinished(log.length, async () => (await client.end(), readBackPostgres(schema, streamIds)), () => dropSchema(schema));
      };
    },
  },
  emmett: {
    id: "emmett",
    label: `${EMMETT_POSTGRES}: appendToStream per command (no expected version)`,
    setup: async (size, seed) => {
      const { entries, streamIds } = storeInput(size, seed);
      const schema = await freshSchema("emmett");
      await withClient((client) => client.query(`CREATE SCHEMA "${schema}"`));
      const store = openEmmettPostgres(schema);
      await store.readStream("bench-schema-created-untimed");
      return async () => {
        for (const { streamId, event } of entries) await store.appendToStream(streamId, [toEmmettEvent(event)]);
        return storeFinished(entries.length, () => readBackEmmett(store, streamIds), async () => (await store.close(), await dropSchema(schema)));
      };
    },
  },
  note: "W1's events, one per command, interleaved over the streams, each committed on its own (synchronous_commit on) into a fresh schema of the local server, read back after the clock stops.",
});
