import { appendEach } from "./handover-stores.js";
import { COMMAND_SIZE, storeWorkload } from "./kit.js";
import { rawPostgresAppendEach } from "./raw-postgres.js";
import { emmettAppendPerCommand, postgresWriteVariants } from "./write-variants.js";

/** Issue 9 W5, PostgreSQL: one durable transaction per command, against raw pg and Emmett's PostgreSQL store. */
export const w5PgCommandWorkload = storeWorkload({
  id: "w5-pg-command",
  title: "W5 PostgreSQL: one durable transaction per command",
  unit: "commands",
  fullSize: COMMAND_SIZE,
  target: 0.9,
  ...postgresWriteVariants({
    handover: {
      label: "Handover PostgreSQL store: appendToStream per command (expected version, schema check, hash chain)",
      prepare: ({ entries }) => (store) => appendEach(store, entries),
    },
    raw: {
      label: "raw pg: one prepared statement per command inserting the row and moving the head, committed on its own",
      prepare: ({ log }) => ({ client, schema }) => rawPostgresAppendEach(client, schema, log),
    },
    emmett: emmettAppendPerCommand,
  }),
  note: "W1's events, one per command, interleaved over the streams, each committed on its own (synchronous_commit on) into a fresh schema of the local server, read back after the clock stops.",
});
