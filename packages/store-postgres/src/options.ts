import type pg from "pg";
import { systemClock, randomIds, type Clock, type EventCatalogue, type IdGenerator } from "@handover/core";
import { createPostgresPool } from "./pool.js";

/** Options of `openPostgresEventStore`. */
export interface PostgresStoreOptions {
  /** A pool to use; the store does not end it on close. Give this or `connectionString`. */
  readonly pool?: pg.Pool;
  /** Where to connect when no pool is given; the store makes a pool and ends it on close. */
  readonly connectionString?: string;
  /** Connections of the pool the store makes (default 10). */
  readonly maxConnections?: number;
  /** The schema that holds this log: one log (one chain) per schema, e.g. one per project (default "handover"). */
  readonly schema?: string;
  /** When given, appended events must pass their schema and every stored event read must decode. */
  readonly catalogue?: EventCatalogue;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Rows per cursor read and per stream page (default 1000). */
  readonly readBatchSize?: number;
  /** Events per COPY during an import (default 5000). */
  readonly importChunkSize?: number;
}

/** The options with their defaults filled in. */
export interface ResolvedPostgresOptions {
  readonly pool: pg.Pool;
  readonly ownsPool: boolean;
  readonly schema: string;
  readonly catalogue: EventCatalogue | undefined;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly readBatchSize: number;
  readonly importChunkSize: number;
}

/** Fills in the defaults, makes the pool when none is given, and checks the numbers. */
export function resolvePostgresOptions(options: PostgresStoreOptions): ResolvedPostgresOptions {
  const readBatchSize = positive(options.readBatchSize ?? 1000, "readBatchSize");
  const importChunkSize = positive(options.importChunkSize ?? 5000, "importChunkSize");
  const pool = options.pool ?? ownPool(options);
  return {
    pool,
    ownsPool: options.pool === undefined,
    schema: options.schema ?? "handover",
    catalogue: options.catalogue,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    readBatchSize,
    importChunkSize,
  };
}

/** The pool the store makes (and ends on close) when the caller gives none. */
function ownPool(options: PostgresStoreOptions): pg.Pool {
  if (options.connectionString === undefined) throw new TypeError("openPostgresEventStore: give a pool or a connectionString");
  return createPostgresPool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name}: expected a positive integer, got ${value}`);
  return value;
}
