import type pg from "pg";
import { canonicalJson, firstDuplicateKey } from "@handover/core";
import { PostgresStoreError } from "./errors.js";
import type { LogNames } from "./sql-names.js";

/**
 * Rewrites the data and meta text of a log written before the text had to be canonical
 * JSON: each value is written again in its canonical form, which is what its hash already
 * covered, so no hash changes. Text with a duplicate key is refused, not rewritten.
 */
export async function rewriteCanonical(client: pg.PoolClient, names: LogNames): Promise<void> {
  const { rows } = await client.query<{ position: string; data: string; meta: string }>(`SELECT position, data, meta FROM ${names.events} ORDER BY position`);
  for (const row of rows) {
    for (const [column, text] of [["data", row.data], ["meta", row.meta]] as const) {
      const duplicate = firstDuplicateKey(text);
      if (duplicate !== undefined) throw new PostgresStoreError("corrupt_schema", names.schema, `the ${column} of the event at position ${row.position} holds the key "${duplicate.key}" twice; it cannot be migrated safely`);
    }
    const data = canonicalJson(JSON.parse(row.data));
    const meta = canonicalJson(JSON.parse(row.meta));
    if (data !== row.data || meta !== row.meta) await client.query(`UPDATE ${names.events} SET data = $1, meta = $2 WHERE position = $3`, [data, meta, row.position]);
  }
}
