import { importWhole } from "./handover-stores.js";
import { BULK_SIZE, storeWorkload } from "./kit.js";
import { rawPostgresInsertAll } from "./raw-postgres.js";
import { emmettAppendPerStream, postgresWriteVariants } from "./write-variants.js";

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
    emmett: emmettAppendPerStream,
  }),
  note: "The recorded, hash-chained log of W1's events into a fresh schema; Emmett has no import of a global log, so it gets its most favourable batching, one append per stream.",
});
