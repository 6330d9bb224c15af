import type { Event } from "@event-driven-io/emmett";
import { getPostgreSQLEventStore, type PostgresEventStore } from "@event-driven-io/emmett-postgresql";
import type * as EmmettSqlite from "@event-driven-io/emmett-sqlite";
import type { SQLiteEventStore } from "@event-driven-io/emmett-sqlite";
import { sqlite3Built } from "../../peers/sqlite3-native.js";
import { PeerUnavailableError } from "../peer-unavailable.js";
import type { StoredEvent } from "./input.js";
import { POSTGRES_URL } from "./postgres-schemas.js";

/** The peer's label in the table. */
export const EMMETT_SQLITE = "Emmett SQLite 0.42.4";
/** The peer's label in the table. */
export const EMMETT_POSTGRES = "Emmett PostgreSQL 0.42.0";

/**
 * Emmett's SQLite store is loaded on demand: it needs the `sqlite3` package's native
 * binding, which `pnpm install` leaves out and `pnpm bench` (or `pnpm bench:peers`) builds.
 */
async function loadEmmettSqlite(): Promise<typeof EmmettSqlite> {
  // Not loaded at all without the binding: Emmett then loads sqlite3 later, in a promise nobody awaits, and its failure is an unhandled rejection.
  if (!sqlite3Built()) throw new PeerUnavailableError(EMMETT_SQLITE, "its sqlite3 native binding is not built (pnpm install leaves it out); build it with pnpm bench:peers");
  try {
    return await import("@event-driven-io/emmett-sqlite");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new PeerUnavailableError(EMMETT_SQLITE, `its sqlite3 native binding does not load (${reason}); build it with pnpm bench:peers`);
  }
}

/** An Emmett SQLite store over one connection (Emmett otherwise opens a connection per operation): WAL (Emmett's own setting) and `synchronous=FULL` like the others. */
export async function openEmmettSqlite(path: string): Promise<{ store: SQLiteEventStore; close: () => void }> {
  const { getSQLiteEventStore, sqliteConnection } = await loadEmmettSqlite();
  const connection = sqliteConnection({ fileName: path });
  await connection.command("PRAGMA synchronous = FULL");
  const store = getSQLiteEventStore({ fileName: path, connectionOptions: { connection, singleton: true } });
  return { store, close: () => connection.close() };
}

/** An Emmett PostgreSQL store whose tables go into the given (fresh) schema, through the connection's search path. */
export function openEmmettPostgres(schema: string): PostgresEventStore {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return getPostgreSQLEventStore(url.toString());
}

/** An event as Emmett takes it. */
export function toEmmettEvent(event: StoredEvent): Event {
  return { type: event.type, data: event.data as Record<string, unknown> } as Event;
}

/** Every stream's events read back from an Emmett store, in stream order. */
export async function readBackEmmett(store: Pick<SQLiteEventStore, "readStream"> | Pick<PostgresEventStore, "readStream">, streamIds: readonly string[]): Promise<StoredEvent[][]> {
  const streams: StoredEvent[][] = [];
  for (const streamId of streamIds) {
    const read = await store.readStream(streamId);
    streams.push(read.events.map((event) => ({ type: event.type, data: event.data })));
  }
  return streams;
}
