import { importWhole } from "./handover-stores.js";
import { BULK_SIZE, storeWorkload } from "./kit.js";
import { emmettAppendPerStream, sqliteWriteVariants } from "./write-variants.js";

/** Issue 9 W5, SQLite: a whole recorded log in bulk, against one raw batch transaction and Emmett's SQLite store. */
export const w5SqliteBulkWorkload = storeWorkload({
  id: "w5-sqlite-bulk",
  title: "W5 SQLite: bulk import of a recorded log (synchronous=FULL)",
  unit: "events",
  fullSize: BULK_SIZE,
  target: 0.8,
  ...sqliteWriteVariants({
    handover: {
      label: "Handover SQLite store: importLog(log) (one transaction; envelope, chain, versions, schemas checked)",
      prepare: ({ log }) => (store) => importWhole(store, log),
    },
    raw: {
      label: "raw better-sqlite3: one transaction, a prepared INSERT per row, then the head",
      prepare: ({ log }) => (writer) => writer.insertAll(log),
    },
    emmett: emmettAppendPerStream,
  }),
  note: "The recorded, hash-chained log of W1's events (what Handover's store makes of them) into a fresh file; Emmett has no import of a global log, so it gets its most favourable batching, one append per stream.",
});
