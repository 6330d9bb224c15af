import { openEmmettSqlite, readBackEmmett, toEmmettEvent, EMMETT_SQLITE } from "./emmett-stores.js";
import { appendEach, openHandoverSqlite } from "./handover-stores.js";
import { storeInput } from "./input.js";
import { COMMAND_SIZE, storeFinished, storeWorkload } from "./kit.js";
import { rawSqliteWriter } from "./raw-sqlite.js";
import { freshSqlitePath, openRawSqlite, readBackSqlite, removeSqliteFiles } from "./sqlite-files.js";

/** Issue 9 W5, SQLite: one durable transaction per command (WAL, `synchronous=FULL`), against raw better-sqlite3 and Emmett's SQLite store. */
export const w5SqliteCommandWorkload = storeWorkload({
  id: "w5-sqlite-command",
  title: "W5 SQLite: one durable transaction per command (synchronous=FULL)",
  unit: "commands",
  fullSize: COMMAND_SIZE,
  target: 0.8,
  handover: {
    id: "handover",
    label: "Handover SQLite store: appendToStream per command (expected version, schema check, hash chain)",
    setup: async (size, seed) => {
      const { entries, streamIds } = storeInput(size, seed);
      const path = freshSqlitePath("handover");
      const store = openHandoverSqlite(path);
      return async () => {
        await appendEach(store, entries);
        return storeFinished(entries.length, async () => (await store.close(), readBackSqlite(path, streamIds)), () => removeSqliteFiles(path));
      };
    },
  },
  raw: {
    id: "raw",
    label: "raw better-sqlite3: INSERT the row + UPDATE the head, one BEGIN IMMEDIATE transaction per command",
    setup: async (size, seed) => {
      const { log, streamIds } = storeInput(size, seed);
      const path = freshSqlitePath("raw");
      const db = openRawSqlite(path);
      const writer = rawSqliteWriter(db);
      return async () => {
        writer.appendEach(log);
        return storeFinished(log.length, () => (db.close(), readBackSqlite(path, streamIds)), () => removeSqliteFiles(path));
      };
    },
  },
  emmett: {
    id: "emmett",
    label: `${EMMETT_SQLITE}: appendToStream per command (no expected version)`,
    setup: async (size, seed) => {
      const { entries, streamIds } = storeInput(size, seed);
      const path = freshSqlitePath("emmett");
      const { store, close } = await openEmmettSqlite(path);
      await store.readStream("bench-schema-created-untimed");
      return async () => {
        for (const { streamId, event } of entries) await store.appendToStream(streamId, [toEmmettEvent(event)]);
        return storeFinished(entries.length, async () => readBackEmmett(store, streamIds), () => (close(), removeSqliteFiles(path)));
      };
    },
  },
  note: "W1's events, one per command, interleaved over the streams; every variant commits each command on its own (WAL, synchronous=FULL: one fsync per commit) to a fresh file, read back after the clock stops.",
});
