import { openEmmettSqlite, readBackEmmett, toEmmettEvent, EMMETT_SQLITE } from "./emmett-stores.js";
import { importWhole, openHandoverSqlite } from "./handover-stores.js";
import { eventsByStream, storeInput } from "./input.js";
import { BULK_SIZE, storeFinished, storeWorkload } from "./kit.js";
import { rawSqliteWriter } from "./raw-sqlite.js";
import { freshSqlitePath, openRawSqlite, readBackSqlite, removeSqliteFiles } from "./sqlite-files.js";

/** Issue 9 W5, SQLite: a whole recorded log in bulk, against one raw batch transaction and Emmett's SQLite store. */
export const w5SqliteBulkWorkload = storeWorkload({
  id: "w5-sqlite-bulk",
  title: "W5 SQLite: bulk import of a recorded log (synchronous=FULL)",
  unit: "events",
  fullSize: BULK_SIZE,
  target: 0.8,
  handover: {
    id: "handover",
    label: "Handover SQLite store: importLog(log) (one transaction; envelope, chain, versions, schemas checked)",
    setup: async (size, seed) => {
      const { log, streamIds } = storeInput(size, seed);
      const path = freshSqlitePath("handover");
      const store = openHandoverSqlite(path);
      return async () => {
        await importWhole(store, log);
        return storeFinished(log.length, async () => (await store.close(), readBackSqlite(path, streamIds)), () => removeSqliteFiles(path));
      };
    },
  },
  raw: {
    id: "raw",
    label: "raw better-sqlite3: one transaction, a prepared INSERT per row, then the head",
    setup: async (size, seed) => {
      const { log, streamIds } = storeInput(size, seed);
      const path = freshSqlitePath("raw");
      const db = openRawSqlite(path);
      const writer = rawSqliteWriter(db);
      return async () => {
        writer.insertAll(log);
        return storeFinished(log.length, () => (db.close(), readBackSqlite(path, streamIds)), () => removeSqliteFiles(path));
      };
    },
  },
  emmett: {
    id: "emmett",
    label: `${EMMETT_SQLITE}: one appendToStream per stream with all its events (it has no log import)`,
    setup: async (size, seed) => {
      const { entries, streamIds } = storeInput(size, seed);
      const byStream = [...eventsByStream(entries)].map(([streamId, events]) => ({ streamId, events: events.map(toEmmettEvent) }));
      const path = freshSqlitePath("emmett");
      const { store, close } = await openEmmettSqlite(path);
      await store.readStream("bench-schema-created-untimed");
      return async () => {
        for (const { streamId, events } of byStream) await store.appendToStream(streamId, events);
        return storeFinished(entries.length, async () => readBackEmmett(store, streamIds), () => (close(), removeSqliteFiles(path)));
      };
    },
  },
  note: "The recorded, hash-chained log of W1's events (what Handover's store makes of them) into a fresh file; Emmett has no import of a global log, so it gets its most favourable batching, one append per stream.",
});
