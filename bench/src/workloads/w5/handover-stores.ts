import { openPostgresEventStore, type PostgresEventStore } from "@handover/store-postgres";
import { openSqliteEventStore, type SqliteEventStore } from "@handover/store-sqlite";
import type { EventStore, RecordedEvent } from "@handover/core";
import { benchCatalogue } from "../../process/index.js";
import { appendClockAndIds, type AppendEntry } from "../append-input.js";
import type { StoredEvent } from "./input.js";
import { POSTGRES_URL } from "./postgres-schemas.js";

/** Handover's SQLite store on a fresh file: the bench catalogue, `synchronous=FULL` (its default, said out loud), the clock and ids of the input log. */
export function openHandoverSqlite(path: string): SqliteEventStore {
  return openSqliteEventStore({ path, catalogue: benchCatalogue, synchronous: "full", ...appendClockAndIds() });
}

/** Handover's PostgreSQL store in a fresh schema (it creates and migrates the schema), with the bench catalogue and the input log's clock and ids. */
export function openHandoverPostgres(schema: string): Promise<PostgresEventStore> {
  return openPostgresEventStore({ connectionString: POSTGRES_URL, schema, catalogue: benchCatalogue, maxConnections: 2, ...appendClockAndIds() });
}

/** One `appendToStream` per command, with its expected version and meta: one durable transaction each. */
export async function appendEach(store: EventStore, entries: readonly AppendEntry[]): Promise<void> {
  for (const { streamId, version, event, meta } of entries) {
    const appended = await store.appendToStream(streamId, [event], { expectedVersion: version - 1, meta });
    if (appended._tag === "Left") throw new Error(appended.left.message);
  }
}

/** The whole recorded log through the store's import path (one transaction, chain and schemas checked). */
export async function importWhole(store: EventStore, log: readonly RecordedEvent[]): Promise<void> {
  const imported = await store.importLog(log);
  if (imported._tag === "Left") throw new Error(imported.left.message);
}

/** Every stream read back through `readStream`, in stream order. */
export async function readEachStream(store: EventStore, streamIds: readonly string[]): Promise<StoredEvent[][]> {
  const streams: StoredEvent[][] = [];
  for (const streamId of streamIds) {
    const events: StoredEvent[] = [];
    for await (const event of store.readStream(streamId)) events.push(event);
    streams.push(events);
  }
  return streams;
}
