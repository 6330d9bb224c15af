import { toEmmettEvent } from "./emmett-stores.js";
import { importWhole } from "./handover-stores.js";
import { eventsByStream } from "./input.js";
import { BULK_SIZE, storeWorkload } from "./kit.js";
import { rawPostgresInsertAll } from "./raw-postgres.js";
import { postgresWriteVariants } from "./write-variants.js";

/** Issue 9 W5, PostgreSQL: a whole recorded log in bulk, against one raw batch transaction and Emmett's PostgreSQL store. */
export const w5PgBulkWorkload = storeWorkload({
  id: "w5-pg-bulk",
  title: "W5 PostgreSQL: bulk import of a recorded log",
  unit: "events",
  fullSize: BULK_SIZE,
  target: 0.8,
  ...postgresWriteVariants({
    handover: {
      label: "Handover PostgreSQL store: importLog(log) (one transaction, COPY per 5,000 events; envelope, chain, versions, schemas checked)",
      prepare: ({ log }) => (store) => importWhole(store, log),
    },
    raw: {
      label: "raw pg: one transaction of 1,000-row multi-row INSERTs, then the head",
      prepare: ({ log }) => ({ client, schema }) => rawPostgresInsertAll(client, schema, log),
    },
    emmett: {
      label: "one appendToStream per stream with all its events (it has no log import)",
      prepare: ({ entries }) => {
        const byStream = [...eventsByStream(entries)].map(([streamId, events]) => ({ streamId, events: events.map(toEmmettEvent) }));
        return async (store) => {
          for (const { streamId, events } of byStream) await store.appendToStream(streamId, events);
        };
      },
    },
  }),
  note: "The recorded, hash-chained log of W1's events into a fresh schema; Emmett has no import of a global log, so it gets its most favourable batching, one append per stream.",
});
