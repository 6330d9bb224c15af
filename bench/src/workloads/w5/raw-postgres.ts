import type pg from "pg";
import { STORED_EVENT_INSERT_COLUMNS, storedEventValues, type RecordedEvent, type StoredEventRow } from "@handover/core";
import { eventOfRow } from "./rows.js";

/** Rows per multi-row INSERT of a batch (13 parameters a row, well under PostgreSQL's 65,535). */
const ROWS_PER_INSERT = 1000;

function placeholders(rows: number): string {
  return Array.from({ length: rows }, (_, row) => `(${Array.from({ length: 13 }, (_, column) => `$${row * 13 + column + 1}`).join(", ")})`).join(", ");
}

/**
 * One event per durable transaction, in one round trip: a single statement inserts the
 * event row and moves the chain head (the store's two writes), committed on its own.
 */
export async function rawPostgresAppendEach(client: pg.Client, schema: string, log: readonly RecordedEvent[]): Promise<void> {
  const text = `WITH inserted AS (INSERT INTO "${schema}".events (${STORED_EVENT_INSERT_COLUMNS}) VALUES ${placeholders(1)} RETURNING position, hash)
    UPDATE "${schema}".chain_head SET position = inserted.position, hash = inserted.hash FROM inserted WHERE id = 1`;
  const name = `raw_append_${schema}`;
  for (const event of log) await client.query({ name, text, values: [...storedEventValues(event)] });
}

/** The whole log in one transaction: multi-row INSERTs of `ROWS_PER_INSERT` rows, then the chain head. */
export async function rawPostgresInsertAll(client: pg.Client, schema: string, log: readonly RecordedEvent[]): Promise<void> {
  await client.query("BEGIN");
  for (let start = 0; start < log.length; start += ROWS_PER_INSERT) {
    const chunk = log.slice(start, start + ROWS_PER_INSERT);
    await client.query(`INSERT INTO "${schema}".events (${STORED_EVENT_INSERT_COLUMNS}) VALUES ${placeholders(chunk.length)}`, chunk.flatMap(storedEventValues));
  }
  const last = log[log.length - 1];
  if (last !== undefined) await client.query(`UPDATE "${schema}".chain_head SET position = $1, hash = $2 WHERE id = 1`, [last.position, last.hash]);
  await client.query("COMMIT");
}

/** Every stream through a prepared `SELECT … WHERE stream_id = $1 ORDER BY version`, each row parsed into a recorded event. */
export async function rawPostgresReadStreams(client: pg.Client, schema: string, streamIds: readonly string[]): Promise<RecordedEvent[][]> {
  const query = { name: `raw_read_${schema}`, text: `SELECT * FROM "${schema}".events WHERE stream_id = $1 ORDER BY version` };
  const streams: RecordedEvent[][] = [];
  for (const streamId of streamIds) streams.push((await client.query<StoredEventRow>({ ...query, values: [streamId] })).rows.map(eventOfRow));
  return streams;
}
