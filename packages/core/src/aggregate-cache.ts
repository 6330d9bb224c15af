import type { LoadedStream } from "./load-stream.js";

/** How big an aggregate cache may grow: entries, and optionally bytes as `sizeOf` weighs each state. */
export interface AggregateCacheOptions<State> {
  /** Streams kept at most (default 10,000); the least recently used goes first. */
  readonly maxEntries?: number;
  /** Bytes kept at most, as `sizeOf` weighs the states; only with `sizeOf`. */
  readonly maxBytes?: number;
  /** The weight of one state in bytes (for example its JSON length); called once per state cached. */
  readonly sizeOf?: (state: State) => number;
}

/** What a cache did since it was made: hits (state used as cached), catch-ups (another writer moved the stream on), misses, evictions and drops. */
export interface AggregateCacheStats {
  readonly hits: number;
  readonly caughtUp: number;
  readonly misses: number;
  readonly evictions: number;
  readonly dropped: number;
}

/**
 * The latest state of recently used streams, least recently used evicted first, bounded by
 * count and (optionally) bytes. A cached state is never trusted blindly: the command path
 * compares its version with the store's before use (`loadCachedStream`), and drops it on a
 * version conflict.
 */
export interface AggregateCache<State> {
  /** The cached state of a stream and the version it reflects, marking it recently used; undefined when not cached. */
  get(streamId: string): LoadedStream<State> | undefined;
  /** Caches a stream's state at a version, evicting the least recently used streams beyond the bounds. */
  set(streamId: string, loaded: LoadedStream<State>): void;
  /** Forgets a stream (after a version conflict, or when its state can no longer be trusted). */
  drop(streamId: string): void;
  /** Forgets every stream. */
  clear(): void;
  /** Streams cached now. */
  readonly size: number;
  /** Bytes cached now, as `sizeOf` weighs them (0 without `sizeOf`). */
  readonly bytes: number;
  /** Counts since the cache was made; `loadCachedStream` records hits, catch-ups and misses. */
  stats(): AggregateCacheStats;
  /** Records one use: a hit, a catch-up or a miss (called by `loadCachedStream`). */
  record(outcome: "hit" | "caughtUp" | "miss"): void;
}

/** Streams an aggregate cache keeps by default. */
export const DEFAULT_CACHED_STREAMS = 10_000;

interface Entry<State> {
  readonly loaded: LoadedStream<State>;
  readonly bytes: number;
}

/** Creates a bounded LRU cache of stream states (`AggregateCache`). */
export function createAggregateCache<State>(options: AggregateCacheOptions<State> = {}): AggregateCache<State> {
  const maxEntries = options.maxEntries ?? DEFAULT_CACHED_STREAMS;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  if (!Number.isInteger(maxEntries) || maxEntries < 0) throw new RangeError(`createAggregateCache: maxEntries must be a whole number ≥ 0, got ${String(maxEntries)}`);
  if (options.maxBytes !== undefined && options.sizeOf === undefined) throw new RangeError("createAggregateCache: maxBytes needs sizeOf, which weighs each state");
  const entries = new Map<string, Entry<State>>();
  let bytes = 0;
  /** The most recently used stream (the Map's last key), so setting it again after a `get` updates it in place. */
  let newest: string | undefined;
  const counts = { hits: 0, caughtUp: 0, misses: 0, evictions: 0, dropped: 0 };

  const remove = (streamId: string): boolean => {
    const entry = entries.get(streamId);
    if (entry === undefined) return false;
    entries.delete(streamId);
    bytes -= entry.bytes;
    if (streamId === newest) newest = undefined;
    return true;
  };
  const evictBeyondBounds = (): void => {
    for (const streamId of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) return;
      remove(streamId);
      counts.evictions++;
    }
  };

  return {
    get(streamId) {
      const entry = entries.get(streamId);
      if (entry === undefined) return undefined;
      // Map keeps insertion order: moving the entry to the end marks it most recently used.
      if (streamId !== newest) {
        entries.delete(streamId);
        entries.set(streamId, entry);
        newest = streamId;
      }
      return entry.loaded;
    },
    set(streamId, loaded) {
      const weight = options.sizeOf === undefined ? 0 : options.sizeOf(loaded.state);
      // The newest entry is replaced where it stands (already last); any other is moved to the end.
      if (streamId === newest) bytes -= (entries.get(streamId) as Entry<State>).bytes;
      else remove(streamId);
      entries.set(streamId, { loaded, bytes: weight });
      newest = streamId;
      bytes += weight;
      evictBeyondBounds();
    },
    drop(streamId) {
      if (remove(streamId)) counts.dropped++;
    },
    clear() {
      entries.clear();
      bytes = 0;
      newest = undefined;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    stats: () => ({ ...counts }),
    record(outcome) {
      if (outcome === "hit") counts.hits++;
      else if (outcome === "miss") counts.misses++;
      else counts.caughtUp++;
    },
  };
}
