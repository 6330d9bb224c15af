import type Database from "better-sqlite3";
import { canonicalJson, firstDuplicateKey } from "@handover/core";
import { SqliteStoreError } from "./errors.js";

/**
 * Rewrites the data and meta text of a store written before the text had to be canonical
 * JSON: each value is written again in its canonical form, which is what its hash already
 * covered, so no hash changes. Text with a duplicate key is refused, not rewritten, since
 * either copy could be the one that was hashed.
 */
export function rewriteCanonical(db: Database.Database, path: string): void {
  const rows = db.prepare<[], { position: number; data: string; meta: string }>("SELECT position, data, meta FROM events ORDER BY position").iterate();
  const pending: [string, string, number][] = [];
  for (const row of rows) {
    for (const [column, text] of [["data", row.data], ["meta", row.meta]] as const) {
      const duplicate = firstDuplicateKey(text);
      if (duplicate !== undefined) throw new SqliteStoreError("corrupt_file", path, `the ${column} of the event at position ${row.position} holds the key "${duplicate.key}" twice; it cannot be migrated safely (verify the log, restore it from a JSONL export)`);
    }
    const data = canonicalJson(JSON.parse(row.data));
    const meta = canonicalJson(JSON.parse(row.meta));
    if (data !== row.data || meta !== row.meta) pending.push([data, meta, row.position]);
  }
  const update = db.prepare<[string, string, number]>("UPDATE events SET data = ?, meta = ? WHERE position = ?");
  for (const values of pending) update.run(...values);
}
