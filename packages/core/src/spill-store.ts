/**
 * Where a replay puts state it may need again but should not keep in memory (the finished
 * work items of an audit of millions of events): text by key, read and written
 * synchronously, since a replay cannot wait in the middle of an event. A key written again
 * replaces its text.
 */
export interface SpillStore {
  /** Keeps the text under the key, replacing any text kept under it. */
  put(key: string, text: string): void;
  /** The text kept under the key, or undefined when none is. */
  get(key: string): string | undefined;
}

/** A spill store in memory: for tests, and to see what a replay spills (it saves no memory). */
export function createInMemorySpillStore(): SpillStore & { readonly size: () => number } {
  const kept = new Map<string, string>();
  return {
    put: (key, text) => void kept.set(key, text),
    get: (key) => kept.get(key),
    size: () => kept.size,
  };
}
