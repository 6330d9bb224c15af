import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordedEvent } from "@handover/core";
import { applyToCmdb, cmdbAsOf, createCmdbState, loadCmdbSnapshot, saveCmdbSnapshot, snapshotCmdb } from "@handover/projections";
import { openSqliteEventStore, type SqliteEventStore } from "@handover/store-sqlite";
import { itilCatalogue } from "../../generate/itil/catalogue.js";
import type { Size } from "../../harness/size.js";
import type { Variant } from "../types.js";
import { latestSnapshotAt, loadLog, queries } from "./input.js";

/** A SQLite store in a temporary folder, removed when the trial's process exits. */
function temporaryStore(): SqliteEventStore {
  const folder = mkdtempSync(join(tmpdir(), "handover-w4-"));
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  return openSqliteEventStore({ path: join(folder, "snapshots.db"), catalogue: itilCatalogue });
}

/**
 * Replays the log once (untimed), saving the CMDB's snapshot to the store every
 * `every` events and at the latest point before the end, as an app that keeps
 * snapshots would: the first save writes every record, each later one the records changed since.
 */
async function saveSnapshots(store: SqliteEventStore, events: readonly RecordedEvent[], every: number): Promise<void> {
  const latest = latestSnapshotAt(events.length, every / 2);
  const state = createCmdbState();
  for (let index = 0; index < latest; index++) {
    applyToCmdb(state, events[index] as RecordedEvent);
    const position = index + 1;
    if (position % every === 0 || position === latest) {
      const saved = await saveCmdbSnapshot(store.readModelSnapshots, snapshotCmdb(state));
      if (saved._tag === "Left") throw new Error(saved.left.message);
    }
  }
}

/**
 * Issue 16 W4: the CMDB as of the end from a snapshot kept in SQLite, found and read per
 * query, its records decoded when asked for; snapshots saved every `every` events, so a
 * query at the end replays `every / 2` events after the latest.
 */
export function fromSqliteSnapshot(id: string, every: number): Variant {
  const tail = every / 2;
  return {
    id,
    label: `Handover loadCmdbSnapshot(sqlite, { asOf }) + cmdbAsOf(tail, { snapshot }): snapshots kept in SQLite every ${every.toLocaleString("en-US")} events (changed records only), read a record at a time, + the last ${tail.toLocaleString("en-US")} events`,
    setup: async (size: Size, seed: number) => {
      const { events, asOf } = await loadLog(size, seed);
      const store = temporaryStore();
      await saveSnapshots(store, events, every);
      const after = events.slice(latestSnapshotAt(events.length, tail));
      return queries(async () => {
        const snapshot = await loadCmdbSnapshot(store.readModelSnapshots, { asOf });
        if (snapshot === undefined) throw new Error("W4: no stored snapshot fits the query");
        return cmdbAsOf(after, { asOf, snapshot });
      });
    },
  };
}
