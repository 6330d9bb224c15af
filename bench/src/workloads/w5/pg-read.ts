import { openEmmettPostgres, readBackEmmett, toEmmettEvent, EMMETT_POSTGRES } from "./emmett-stores.js";
import { importWhole, openHandoverPostgres, readEachStream } from "./handover-stores.js";
import { eventsByStream, storeInput } from "./input.js";
import { BULK_SIZE, storeFinished, storeWorkload } from "./kit.js";
import { dropSchema, freshSchema, withClient } from "./postgres-schemas.js";
import { rawClient } from "./raw-client.js";
import { rawPostgresReadStreams } from "./raw-postgres.js";
import type { Size } from "../../harness/size.js";

/** A schema filled through Handover's import (untimed), so both Handover and the raw select read the store's own rows. */
async function filledSchema(size: Size, seed: number): Promise<{ schema: string; streamIds: readonly string[]; total: number }> {
  const { log, streamIds } = storeInput(size, seed);
  const schema = await freshSchema("read");
  const store = await openHandoverPostgres(schema);
  await importWhole(store, log);
  await store.close();
  return { schema, streamIds, total: log.length };
}

/** Issue 9 W5, PostgreSQL: rehydrate every stream's events, against a raw select and Emmett's PostgreSQL store. */
export const w5PgReadWorkload = storeWorkload({
  id: "w5-pg-read",
  title: "W5 PostgreSQL: read every stream back",
  unit: "events",
  fullSize: BULK_SIZE,
  target: 0.8,
  emmettTarget: 1.5,
  handover: {
    id: "handover",
    label: "Handover PostgreSQL store: readStream of every stream (paged; rows checked once under the catalogue, then trusted)",
    setup: async (size, seed) => {
      const { schema, streamIds, total } = await filledSchema(size, seed);
      const store = await openHandoverPostgres(schema);
      return async () => {
        const streams = await readEachStream(store, streamIds);
        return storeFinished(total, () => streams, async () => (await store.close(), await dropSchema(schema)));
      };
    },
  },
  raw: {
    id: "raw",
    label: "raw pg: prepared SELECT * … WHERE stream_id = $1 ORDER BY version, rows parsed into events",
    setup: async (size, seed) => {
      const { schema, streamIds, total } = await filledSchema(size, seed);
      const client = await rawClient(schema, false);
      return async () => {
        const streams = await rawPostgresReadStreams(client, schema, streamIds);
        return storeFinished(total, () => streams, async () => (await client.end(), await dropSchema(schema)));
      };
    },
  },
  emmett: {
    id: "emmett",
    label: `${EMMETT_POSTGRES}: readStream of every stream`,
    setup: async (size, seed) => {
      const { entries, streamIds } = storeInput(size, seed);
      const schema = await freshSchema("emmett");
      await withClient((client) => client.query(`CREATE SCHEMA "${schema}"`));
      const store = openEmmettPostgres(schema);
      for (const [streamId, events] of eventsByStream(entries)) await store.appendToStream(streamId, events.map(toEmmettEvent));
      return async () => {
        const streams = await readBackEmmett(store, streamIds);
        return storeFinished(entries.length, () => streams, async () => (await store.close(), await dropSchema(schema)));
      };
    },
  },
  note: "The schemas are filled untimed (Handover's and the raw select share one filled by Handover's import; Emmett's by one append per stream); the trial reads each stream in full, in order.",
});
