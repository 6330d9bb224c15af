import { appendEach } from "./handover-stores.js";
import { COMMAND_SIZE, storeWorkload } from "./kit.js";
import { emmettAppendPerCommand, sqliteWriteVariants } from "./write-variants.js";

/** Issue 9 W5, SQLite: one durable transaction per command (WAL, `synchronous=FULL`), against raw better-sqlite3 and Emmett's SQLite store. */
export const w5SqliteCommandWorkload = storeWorkload({
  id: "w5-sqlite-command",
  title: "W5 SQLite: one durable transaction per command (synchronous=FULL)",
  unit: "commands",
  fullSize: COMMAND_SIZE,
  target: 0.8,
  ...sqliteWriteVariants({
    handover: {
      label: "Handover SQLite store: appendToStream per command (expected version, schema check, hash chain)",
      prepare: ({ entries }) => (store) => appendEach(store, entries),
    },
    raw: {
      label: "raw better-sqlite3: INSERT the row + UPDATE the head, one BEGIN IMMEDIATE transaction per command",
      prepare: ({ log }) => (writer) => writer.appendEach(log),
    },
    emmett: emmettAppendPerCommand,
  }),
  note: "W1's events, one per command, interleaved over the streams; every variant commits each command on its own (WAL, synchronous=FULL: one fsync per commit) to a fresh file, read back after the clock stops.",
});
