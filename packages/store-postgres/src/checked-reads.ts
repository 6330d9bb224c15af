import type pg from "pg";
import { catalogueFingerprint, type EventCatalogue } from "@handover/core";
import type { LogNames } from "./sql-names.js";

/** Something that runs a query: the pool, or a client inside a transaction. */
type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

/**
 * How far the log's rows were checked under a catalogue (canonical text, envelope, data
 * schema), so a read with the same catalogue checks each row once rather than on every read:
 * rows up to the mark were checked by an import with the catalogue, or by a read that
 * checked them all in order. Rows are immutable, so a mark never goes back; a catalogue
 * that cannot be fingerprinted trusts nothing.
 */
export interface CheckedReads {
  /**
   * The mark: as this process last saw it when that already covers `needed`, else read
   * again (a mark seen earlier is never wrong, only perhaps behind, since marks only advance).
   */
  through(client: Queryable, needed?: number): Promise<number>;
  /** Records that rows `from..to` were checked; moves the mark only when they continue it. */
  checked(client: Queryable, from: number, to: number): Promise<void>;
}

/** The checked-reads mark of a log for a catalogue, or undefined when there is none. */
export function checkedReadsOf(names: LogNames, catalogue: EventCatalogue | undefined): CheckedReads | undefined {
  if (catalogue === undefined) return undefined;
  const table = `${names.quotedSchema}.checked_reads`;
  let seen = 0;
  return {
    async through(client, needed = Number.MAX_SAFE_INTEGER) {
      const fingerprint = catalogueFingerprint(catalogue);
      if (fingerprint === undefined) return 0;
      if (seen >= needed) return seen;
      const { rows } = await client.query<{ through: string }>({ name: `${names.schema}.checked_through`, text: `SELECT through FROM ${table} WHERE fingerprint = $1`, values: [fingerprint] });
      seen = Math.max(seen, Number(rows[0]?.through ?? 0));
      return seen;
    },
    async checked(client, from, to) {
      const fingerprint = catalogueFingerprint(catalogue);
      if (fingerprint === undefined || to < from) return;
      const moved = await client.query({ name: `${names.schema}.checked_advance`, text: `UPDATE ${table} SET through = $1 WHERE fingerprint = $2 AND through = $3`, values: [to, fingerprint, from - 1] });
      if (moved.rowCount === 0 && from === 1) await client.query(`INSERT INTO ${table} (fingerprint, through) VALUES ($1, $2) ON CONFLICT (fingerprint) DO NOTHING`, [fingerprint, to]);
    },
  };
}
