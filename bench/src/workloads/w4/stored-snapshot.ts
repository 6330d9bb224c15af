import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ReadModelSnapshotStore, RecordedEvent } from "@handover/core";
import { applyToCmdb, cmdbAsOf, createCmdbState, loadCmdbSnapshot, saveCmdbSnapshot, snapshotCmdb } from "@handover/projections";
import { openPostgresEventStore } from "@handover/store-postgres";
import { openSqliteEventStore } from "@handover/store-sqlite";
import { itilCatalogue } from "../../generate/itil/catalogue.js";
import type { Size } from "../../harness/size.js";
import type { Variant } from "../types.js";
import { dropSchema, freshSchema, POSTGRES_URL } from "../w5/postgres-schemas.js";
import { latestSnapshotAt, loadLog, queries, STORED_QUERIES } from "./input.js";

/** Where a variant keeps its snapshots: a store's read-model snapshots, in a file or schema of its own; `queries` is the store the queries read from (the saving one, or another opened on the same log). */
type OpenSnapshots = () => Promise<{ readonly saves: ReadModelSnapshotStore; readonly queries: ReadModelSnapshotStore }>;

/** A SQLite store in a temporary folder, removed when the trial's process exits. */
const sqliteSnapshots: OpenSnapshots = async () => {
  const folder = mkdtempSync(join(tmpdir(), "handover-w4-"));
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  const { readModelSnapshots } = openSqliteEventStore({ path: join(folder, "snapshots.db"), catalogue: itilCatalogue });
  return { saves: readModelSnapshots, queries: readModelSnapshots };
};

/**
 * A PostgreSQL store in a fresh schema, dropped by the next trial of this process or the next
 * bench run (as W5's are); `reader`: the queries go through a second store on the same schema,
 * as in a process that did not save the snapshots (its first query reads the records whole).
 */
const postgresSnapshots =
  (reader: boolean): OpenSnapshots =>
  async () => {
    const schema = await freshSchema("w4");
    const open = () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema, catalogue: itilCatalogue, maxConnections: 2 });
    const saving = await open();
    const querying = reader ? await open() : saving;
    process.once("beforeExit", () => void Promise.all([...new Set([saving, querying])].map((store) => store.close())).then(() => dropSchema(schema)));
    return { saves: saving.readModelSnapshots, queries: querying.readModelSnapshots };
  };

/**
 * Replays the log once (untimed), saving the CMDB's snapshot to the store every `every`
 * events and at the latest point before the end, as an app that keeps snapshots would: the
 * first save writes every record, each later one the records changed since.
 */
async function saveSnapshots(store: ReadModelSnapshotStore, events: readonly RecordedEvent[], every: number): Promise<void> {
  const latest = latestSnapshotAt(events.length, every / 2);
  const state = createCmdbState();
  for (let index = 0; index < latest; index++) {
    applyToCmdb(state, events[index] as RecordedEvent);
    const position = index + 1;
    if (position % every === 0 || position === latest) {
      const saved = await saveCmdbSnapshot(store, snapshotCmdb(state));
      if (saved._tag === "Left") throw new Error(saved.left.message);
    }
  }
}

/**
 * Issue 16 W4: the CMDB as of the end from a snapshot kept in a store, found and opened per
 * query, its records decoded when asked for; snapshots saved every `every` events, so a
 * query at the end replays `every / 2` events after the latest.
 */
function fromKeptSnapshot(id: string, database: string, open: OpenSnapshots, every: number): Variant {
  const tail = every / 2;
  return {
    id,
    label: `Handover loadCmdbSnapshot(${database}, { asOf }) + cmdbAsOf(tail, { snapshot }): snapshots kept in ${database} every ${every.toLocaleString("en-US")} events (changed records only) + the last ${tail.toLocaleString("en-US")} events`,
    setup: async (size: Size, seed: number) => {
      const { events, asOf } = await loadLog(size, seed);
      const { saves, queries: store } = await open();
      await saveSnapshots(saves, events, every);
      const after = events.slice(latestSnapshotAt(events.length, tail));
      return queries(STORED_QUERIES, async () => {
        const snapshot = await loadCmdbSnapshot(store, { asOf });
        if (snapshot === undefined) throw new Error("W4: no stored snapshot fits the query");
        return cmdbAsOf(after, { asOf, snapshot });
      });
    },
  };
}

/** Snapshots kept in SQLite: a query reads the records the tail touches, one indexed lookup each. */
export function fromSqliteSnapshot(id: string, every: number): Variant {
  return fromKeptSnapshot(id, "SQLite", sqliteSnapshots, every);
}

/**
 * Snapshots kept in PostgreSQL: a query reads the snapshot's header, and the records' text
 * the store does not hold yet (none, from the store that saved them; every record, for the
 * first query of `reader`, which queries through another store), and decodes those the tail touches.
 */
export function fromPostgresSnapshot(id: string, every: number, reader = false): Variant {
  return fromKeptSnapshot(id, reader ? "PostgreSQL (read by another store)" : "PostgreSQL", postgresSnapshots(reader), every);
}
