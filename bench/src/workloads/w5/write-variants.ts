import type { Event } from "@event-driven-io/emmett";
import type { EventStore } from "@handover/core";
import type { Variant } from "../types.js";
import { EMMETT_POSTGRES, EMMETT_SQLITE, openEmmettPostgres, openEmmettSqlite, readBackEmmett, toEmmettEvent } from "./emmett-stores.js";
import { openHandoverPostgres, openHandoverSqlite } from "./handover-stores.js";
import { eventsByStream, storeInput, type StoredEvent, type StoreInput } from "./input.js";
import { storeFinished } from "./kit.js";
import { dropSchema, freshSchema, readBackPostgres, withClient } from "./postgres-schemas.js";
import { rawClient } from "./raw-client.js";
import { rawSqliteWriter, type RawSqliteWriter } from "./raw-sqlite.js";
import { freshSqlitePath, openRawSqlite, readBackSqlite, removeSqliteFiles } from "./sqlite-files.js";
import type pg from "pg";

/** The part of an Emmett store the write workloads use. */
export interface EmmettWriter {
  appendToStream(streamId: string, events: Event[]): Promise<unknown>;
}

/** A fresh database of one kind opened for a trial: what to write through, how to read every stream back (closing it), and how to remove it. */
interface Opened<Target> {
  readonly target: Target;
  readBack(streamIds: readonly string[]): Promise<readonly StoredEvent[][]>;
  remove(): Promise<void> | void;
}

/** How one database opens a fresh target for Handover's store, the raw driver and Emmett's store. */
interface WriteEngine<Raw> {
  readonly emmettLabel: string;
  handover(): Promise<Opened<EventStore>>;
  raw(): Promise<Opened<Raw>>;
  emmett(): Promise<Opened<EmmettWriter>>;
}

/** One variant's write: its label, and (prepared untimed from the input) the timed write to the target. */
export interface TimedWrite<Target> {
  readonly label: string;
  prepare(input: StoreInput): (target: Target) => Promise<void> | void;
}

/** What a W5 write workload times, per variant: Handover's store, the raw driver, Emmett's store. */
export interface WriteHow<Raw> {
  readonly handover: TimedWrite<EventStore>;
  readonly raw: TimedWrite<Raw>;
  readonly emmett: TimedWrite<EmmettWriter>;
}

function variant<Target>(id: string, label: string, open: () => Promise<Opened<Target>>, timed: TimedWrite<Target>): Variant {
  return {
    id,
    label,
    setup: async (size, seed) => {
      const input = storeInput(size, seed);
      const write = timed.prepare(input);
      const opened = await open();
      return async () => {
        await write(opened.target);
        return storeFinished(input.log.length, () => opened.readBack(input.streamIds), () => opened.remove());
      };
    },
  };
}

function writeVariants<Raw>(engine: WriteEngine<Raw>, how: WriteHow<Raw>): { handover: Variant; raw: Variant; emmett: Variant } {
  return {
    handover: variant("handover", how.handover.label, () => engine.handover(), how.handover),
    raw: variant("raw", how.raw.label, () => engine.raw(), how.raw),
    emmett: variant("emmett", `${engine.emmettLabel}: ${how.emmett.label}`, () => engine.emmett(), how.emmett),
  };
}

const sqlite: WriteEngine<RawSqliteWriter> = {
  emmettLabel: EMMETT_SQLITE,
  handover: async () => {
    const path = freshSqlitePath("handover");
    const store = openHandoverSqlite(path);
    return { target: store, readBack: async (streamIds) => (await store.close(), readBackSqlite(path, streamIds)), remove: () => removeSqliteFiles(path) };
  },
  raw: async () => {
    const path = freshSqlitePath("raw");
    const db = openRawSqlite(path);
    return { target: rawSqliteWriter(db), readBack: async (streamIds) => (db.close(), readBackSqlite(path, streamIds)), remove: () => removeSqliteFiles(path) };
  },
  emmett: async () => {
    const path = freshSqlitePath("emmett");
    const { store, close } = await openEmmettSqlite(path);
    await store.readStream("bench-schema-created-untimed");
    return { target: store, readBack: (streamIds) => readBackEmmett(store, streamIds), remove: () => (close(), removeSqliteFiles(path)) };
  },
};

/** A raw PostgreSQL target: a connected client and the schema of the store's tables it writes to. */
export interface RawPostgresTarget {
  readonly client: pg.Client;
  readonly schema: string;
}

const postgres: WriteEngine<RawPostgresTarget> = {
  emmettLabel: EMMETT_POSTGRES,
  handover: async () => {
    const schema = await freshSchema("handover");
    const store = await openHandoverPostgres(schema);
    return { target: store, readBack: async (streamIds) => (await store.close(), readBackPostgres(schema, streamIds)), remove: () => dropSchema(schema) };
  },
  raw: async () => {
    const schema = await freshSchema("raw");
    const client = await rawClient(schema, true);
    return { target: { client, schema }, readBack: async (streamIds) => (await client.end(), readBackPostgres(schema, streamIds)), remove: () => dropSchema(schema) };
  },
  emmett: async () => {
    const schema = await freshSchema("emmett");
    await withClient((client) => client.query(`CREATE SCHEMA "${schema}"`));
    const store = openEmmettPostgres(schema);
    await store.readStream("bench-schema-created-untimed");
    return { target: store, readBack: (streamIds) => readBackEmmett(store, streamIds), remove: async () => (await store.close(), await dropSchema(schema)) };
  },
};

/** The three SQLite write variants of a W5 workload (fresh files, `synchronous=FULL`), differing only in the timed write. */
export const sqliteWriteVariants = (how: WriteHow<RawSqliteWriter>) => writeVariants(sqlite, how);

/** The three PostgreSQL write variants of a W5 workload (fresh schemas of the local server), differing only in the timed write. */
export const postgresWriteVariants = (how: WriteHow<RawPostgresTarget>) => writeVariants(postgres, how);

/** Emmett's per-command write: one `appendToStream` per command, in log order (Emmett takes no expected version here). */
export const emmettAppendPerCommand: TimedWrite<EmmettWriter> = {
  label: "appendToStream per command (no expected version)",
  prepare: ({ entries }) => async (store) => {
    for (const { streamId, event } of entries) await store.appendToStream(streamId, [toEmmettEvent(event)]);
  },
};

/** Emmett's bulk write: it has no import of a global log, so its most favourable batching, one `appendToStream` per stream with all its events. */
export const emmettAppendPerStream: TimedWrite<EmmettWriter> = {
  label: "one appendToStream per stream with all its events (it has no log import)",
  prepare: ({ entries }) => {
    const byStream = [...eventsByStream(entries)].map(([streamId, events]) => ({ streamId, events: events.map(toEmmettEvent) }));
    return async (store) => {
      for (const { streamId, events } of byStream) await store.appendToStream(streamId, events);
    };
  },
};
