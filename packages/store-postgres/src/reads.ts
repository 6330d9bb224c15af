import type pg from "pg";
import Cursor from "pg-cursor";
import { checkedMarkExtension, normaliseLogRange, type EventCatalogue, type LogRange, type RecordedEvent, type StreamRange, decodeStoredEvent, type StoredEventRow } from "@handover/core";
import { checkoutClient, releaseClient } from "./clients.js";
import { logRangeSql, streamPageQuery } from "./queries.js";
import type { CheckedReads } from "./checked-reads.js";
import type { LogNames } from "./sql-names.js";

/** What the streaming reads need. */
export interface PostgresReadContext {
  readonly pool: pg.Pool;
  readonly names: LogNames;
  readonly catalogue: EventCatalogue | undefined;
  readonly batchSize: number;
  /** How far rows were checked under the catalogue, when it can be trusted across reads. */
  readonly checked: CheckedReads | undefined;
}

/**
 * Streams the log in position order through a server-side cursor on one pooled
 * connection, `batchSize` rows at a time: one snapshot for the whole read, memory of one
 * batch. Stopping early closes the cursor and returns the connection.
 */
export async function* readLogWithCursor(context: PostgresReadContext, requested: LogRange = {}): AsyncGenerator<RecordedEvent> {
  const range = normaliseLogRange(requested);
  const values = [Math.max(1, range.fromPosition ?? 1), range.toPosition ?? Number.MAX_SAFE_INTEGER, range.until ?? null, range.recordedUntil ?? null];
  const client = await checkoutClient(context.pool);
  let failure: unknown;
  const cursor = client.query(new Cursor<StoredEventRow>(logRangeSql(context.names), values));
  try {
    let through = context.checked === undefined ? 0 : await context.checked.through(context.pool);
    for (;;) {
      const rows = await cursor.read(context.batchSize);
      for (const row of rows) yield decodeStoredEvent(row, context.catalogue, Number(row.position) <= through);
      const extension = context.checked === undefined ? undefined : checkedMarkExtension(range, rows, through);
      if (extension !== undefined && context.checked !== undefined) {
        await context.checked.checked(context.pool, extension.from, extension.to);
        through = await context.checked.through(context.pool, extension.to);
      }
      if (rows.length < context.batchSize) return;
    }
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    await cursor.close().catch((error: unknown) => (failure ??= error));
    releaseClient(client, failure);
  }
}

/** One stream in version order, a page of decoded events per query (one query for a short stream). */
export async function* readStreamPages(context: PostgresReadContext, streamId: string, range: StreamRange = {}): AsyncGenerator<readonly RecordedEvent[]> {
  const query = streamPageQuery(context.names);
  let from = Math.max(1, range.fromVersion ?? 1);
  const to = range.toVersion ?? 2_147_483_647;
  for (;;) {
    const { rows } = await context.pool.query<StoredEventRow>({ ...query, values: [streamId, from, to, context.batchSize] });
    const highest = rows.reduce((most, row) => Math.max(most, Number(row.position)), 0);
    const through = context.checked === undefined || rows.length === 0 ? 0 : await context.checked.through(context.pool, highest);
    if (rows.length > 0) yield rows.map((row) => decodeStoredEvent(row, context.catalogue, Number(row.position) <= through));
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < context.batchSize) return;
    from = last.version + 1;
  }
}
