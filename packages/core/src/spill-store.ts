/**
 * Where a replay puts state it may need again but should not keep in memory (the finished
 * work items of an audit of millions of events): text by key, read and written
 * synchronously, since a replay cannot wait in the middle of an event. A key written again
 * replaces its text. The replay keeps nothing of what it spilled, not even the keys, so a
 * key is found again only by asking the store.
 */
export interface SpillStore {
  /** Keeps the text under the key, replacing any text kept under it. */
  put(key: string, text: string): void;
  /** The text kept under the key, or undefined when none is. */
  get(key: string): string | undefined;
  /** Every key that starts with the prefix and its text, in no particular order (a replay that lists its items reads them back this way). */
  entries(prefix: string): Iterable<readonly [key: string, text: string]>;
}

/** A spill store in memory: for tests, and to see what a replay spills (it saves no memory). */
export function createInMemorySpillStore(): SpillStore & { readonly size: () => number } {
  const kept = new Map<string, string>();
  return {
    put: (key, text) => void kept.set(key, text),
    get: (key) => kept.get(key),
    *entries(prefix) {
      for (const entry of kept) if (entry[0].startsWith(prefix)) yield entry;
    },
    size: () => kept.size,
  };
}
