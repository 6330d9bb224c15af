import { systemClock, randomIds, type Clock, type EventCatalogue, type IdGenerator } from "@handover/core";

/**
 * How hard SQLite pushes a commit to disk. `full` (the default): a committed event survives
 * power loss. `normal`: in WAL mode a crash of the process never loses a commit, but a power
 * loss or OS crash may lose the last few; the file stays consistent. `off`: for throwaway files.
 */
export type SqliteSynchronous = "full" | "normal" | "off";

/** Options of `openSqliteEventStore`. */
export interface SqliteStoreOptions {
  /** The database file; created with the schema when it does not exist. */
  readonly path: string;
  /** When given, appended events must pass their schema and every stored event read must decode. */
  readonly catalogue?: EventCatalogue;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Durability of a commit (default `full`); see `SqliteSynchronous`. */
  readonly synchronous?: SqliteSynchronous;
  /** How long a writer waits for another process's write lock before failing (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** Rows fetched per read query while streaming `readAll` and `readStream` (default 1000). */
  readonly readPageSize?: number;
  /**
   * SQLite's page cache on the read connection, in KiB (default 2048). A read of the log
   * walks its pages in position order and uses each once, so a larger cache only holds
   * pages that will not be read again (the OS file cache serves rereads); SQLite's own
   * default is 16 MiB per connection, which a long audit replay fills for nothing.
   */
  readonly readCacheKib?: number;
  /** Run `PRAGMA quick_check` on open; it reads the whole file, so it costs time on large logs (default false). */
  readonly checkIntegrity?: boolean;
}

/** The options with their defaults filled in. */
export interface ResolvedSqliteOptions {
  readonly path: string;
  readonly catalogue: EventCatalogue | undefined;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly synchronous: SqliteSynchronous;
  readonly busyTimeoutMs: number;
  readonly readPageSize: number;
  readonly readCacheKib: number;
  readonly checkIntegrity: boolean;
}

/** Fills in the defaults and checks the numbers, which are programmer input. */
export function resolveSqliteOptions(options: SqliteStoreOptions): ResolvedSqliteOptions {
  const readPageSize = options.readPageSize ?? 1000;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const readCacheKib = options.readCacheKib ?? 2048;
  if (!Number.isInteger(readPageSize) || readPageSize < 1) throw new RangeError(`readPageSize: expected a positive integer, got ${readPageSize}`);
  if (!Number.isInteger(readCacheKib) || readCacheKib < 1) throw new RangeError(`readCacheKib: expected a positive integer, got ${readCacheKib}`);
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) throw new RangeError(`busyTimeoutMs: expected a non-negative integer, got ${busyTimeoutMs}`);
  return {
    path: options.path,
    catalogue: options.catalogue,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    synchronous: options.synchronous ?? "full",
    busyTimeoutMs,
    readPageSize,
    readCacheKib,
    checkIntegrity: options.checkIntegrity ?? false,
  };
}
