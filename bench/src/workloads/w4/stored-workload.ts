import type { Workload } from "../types.js";
import { fromMemorySnapshot, SNAPSHOT_EVERY, STORED_QUERIES } from "./input.js";
import { fromPostgresSnapshot, fromSqliteSnapshot } from "./stored-snapshot.js";

/** Snapshots kept every 1,000 events: a query at the end replays the last 500. */
const OFTEN = SNAPSHOT_EVERY / 10;

/**
 * Issue 16 W4 from a stored snapshot: the CMDB as of the end of W3's log from snapshots
 * kept in SQLite and PostgreSQL (found and opened per query, records decoded when asked
 * for), against the same query from an in-memory snapshot at the same point.
 */
export const w4StoredWorkload: Workload = {
  id: "w4-stored",
  title: "W4 as-of query (CMDB) at the end of W3's log from a snapshot kept in SQLite or PostgreSQL",
  unit: "queries",
  fullSize: { streams: 10_000, perStream: 100 },
  variants: [
    fromSqliteSnapshot("sqlite", OFTEN),
    fromPostgresSnapshot("postgres", OFTEN),
    fromPostgresSnapshot("postgres-reader", OFTEN, true),
    fromSqliteSnapshot("sqlite-10k", SNAPSHOT_EVERY),
    fromMemorySnapshot("memory", OFTEN / 2, STORED_QUERIES),
  ],
  comparisons: [
    { subject: "sqlite", baseline: "memory" },
    { subject: "postgres", baseline: "memory" },
    { subject: "postgres-reader", baseline: "memory" },
  ],
  absoluteTargets: [
    { variant: "sqlite", atLeast: 100 },
    { variant: "postgres", atLeast: 100 },
    { variant: "postgres-reader", atLeast: 100 },
  ],
  operationsAt: () => STORED_QUERIES,
  note: `Each trial runs ${STORED_QUERIES} queries "as of" the last event's time, each finding the latest stored snapshot that fits and replaying the events after it (held in memory, as W4's are); ≤ 10 ms per query is ≥ 100 queries/s. Before the clock starts, one replay of the log saves a snapshot every 1,000 (or 10,000) events into a fresh SQLite file or PostgreSQL schema, writing the changed records only. A PostgreSQL store holds the records of the latest snapshot it saved or opened, so the queries through the store that saved them read only the header; \`postgres-reader\` queries through a second store on the same schema, whose first query reads every record's text. The digest (untimed) reads every record of the last answer. The in-memory snapshot stands at the same point as the SQLite and PostgreSQL ones kept every 1,000 events.`,
};
