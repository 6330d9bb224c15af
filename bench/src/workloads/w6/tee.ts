/** How far (in items) the fastest reader of a tee may run ahead of the slowest by default. */
export const TEE_MAX_DRIFT = 4_096;

/**
 * Splits one async iterable into `count` readers that each see every item, reading the
 * source once. Items are kept only until the slowest reader has taken them, and a reader
 * that runs `maxDrift` items ahead of the slowest waits for it, so memory stays within
 * `maxDrift` items whatever the length of the source. A reader that stops early (its
 * iterator's `return`) no longer holds the others back.
 */
export function teeAsync<T>(source: AsyncIterable<T>, count: number, maxDrift = TEE_MAX_DRIFT): AsyncIterable<T>[] {
  const iterator = source[Symbol.asyncIterator]();
  // Items from absolute index `base`; `buffer[head]` is item `base`. Compacted when half is dead, so a trim is O(1) amortised.
  let buffer: T[] = [];
  let head = 0;
  let base = 0;
  const next = new Array<number>(count).fill(0);
  let done = false;
  let pulling: Promise<void> | undefined;
  let waiters: (() => void)[] = [];

  const available = (): number => base + buffer.length - head;
  const pull = (): Promise<void> => {
    pulling ??= iterator.next().then((result) => {
      pulling = undefined;
      if (result.done === true) done = true;
      else buffer.push(result.value);
    });
    return pulling;
  };
  const slowest = (): number => Math.min(...next);
  const trim = (): void => {
    const keepFrom = slowest();
    if (keepFrom > base) {
      const dropped = Math.min(keepFrom, available()) - base;
      head += dropped;
      base += dropped;
      if (head > 1_024 && head * 2 > buffer.length) {
        buffer = buffer.slice(head);
        head = 0;
      }
    }
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  const waitForSlowest = (): Promise<void> => new Promise((resolve) => waiters.push(resolve));

  const reader = (index: number): AsyncIterable<T> => ({
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<T>> {
        while ((next[index] ?? 0) - slowest() >= maxDrift) await waitForSlowest();
        while (next[index] === available() && !done) await pull();
        const at = next[index] ?? 0;
        if (at >= available()) return { done: true, value: undefined };
        const value = buffer[head + at - base] as T;
        next[index] = at + 1;
        trim();
        return { done: false, value };
      },
      async return(): Promise<IteratorResult<T>> {
        next[index] = Number.POSITIVE_INFINITY;
        trim();
        return { done: true, value: undefined };
      },
    }),
  });
  return Array.from({ length: count }, (_, index) => reader(index));
}
