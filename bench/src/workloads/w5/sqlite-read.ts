import { openEmmettSqlite, readBackEmmett, toEmmettEvent, EMMETT_SQLITE } from "./emmett-stores.js";
import { importWhole, openHandoverSqlite, readEachStream } from "./handover-stores.js";
import { eventsByStream, storeInput } from "./input.js";
import { BULK_SIZE, storeFinished, storeWorkload } from "./kit.js";
import { rawSqliteReadStreams } from "./raw-sqlite.js";
import { freshSqlitePath, removeSqliteFiles } from "./sqlite-files.js";
import Database from "better-sqlite3";
import type { Size } from "../../harness/size.js";

/** A file filled through Handover's import (untimed), so both Handover and the raw select read the store's own rows. */
async function filledFile(size: Size, seed: number): Promise<{ path: string; streamIds: readonly string[]; total: number }> {
  const { log, streamIds } = storeInput(size, seed);
  const path = freshSqlitePath("read");
  const store = openHandoverSqlite(path);
  await importWhole(store, log);
  await store.close();
  return { path, streamIds, total: log.length };
}

/** Issue 9 W5, SQLite: rehydrate every stream's events, against a raw select and Emmett's SQLite store. */
export const w5SqliteReadWorkload = storeWorkload({
  id: "w5-sqlite-read",
  title: "W5 SQLite: read every stream back",
  unit: "events",
  fullSize: BULK_SIZE,
  target: 0.8,
  emmettTarget: 1.5,
  handover: {
    id: "handover",
    label: "Handover SQLite store: readStream of every stream (paged; rows checked once under the catalogue, then trusted)",
    setup: async (size, seed) => {
      const { path, streamIds, total } = await filledFile(size, seed);
      const store = openHandoverSqlite(path);
      return async () => {
        const streams = await readEachStream(store, streamIds);
        return storeFinished(total, () => streams, async () => (await store.close(), removeSqliteFiles(path)));
      };
    },
  },
  raw: {
    id: "raw",
    label: "raw better-sqlite3: SELECT * … WHERE stream_id = ? ORDER BY version, rows parsed into events",
    setup: async (size, seed) => {
      const { path, streamIds, total } = await filledFile(size, seed);
      const db = new Database(path, { readonly: true });
      return async () => {
        const streams = rawSqliteReadStreams(db, streamIds);
        return storeFinished(total, () => streams, () => (db.close(), removeSqliteFiles(path)));
      };
    },
  },
  emmett: {
    id: "emmett",
    label: `${EMMETT_SQLITE}: readStream of every stream`,
    setup: async (size, seed) => {
      const { entries, streamIds } = storeInput(size, seed);
      const path = freshSqlitePath("emmett");
      const { store, close } = await openEmmettSqlite(path);
      for (const [streamId, events] of eventsByStream(entries)) await store.appendToStream(streamId, events.map(toEmmettEvent));
      return async () => {
        const streams = await readBackEmmett(store, streamIds);
        return storeFinished(entries.length, () => streams, () => (close(), removeSqliteFiles(path)));
      };
    },
  },
  note: "The stores are filled untimed (Handover's and the raw select share one file filled by Handover's import; Emmett's by one append per stream); the trial reads each stream in full, in order.",
});
