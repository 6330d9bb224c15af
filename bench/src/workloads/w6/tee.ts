/**
 * Splits one async iterable into `count` readers that each see every item, reading the
 * source once. Items are kept only until the slowest reader has taken them, so memory
 * follows how far the readers drift apart, not the length of the source.
 */
export function teeAsync<T>(source: AsyncIterable<T>, count: number): AsyncIterable<T>[] {
  const iterator = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  /** The absolute index of `buffer[0]`. */
  let base = 0;
  const next = new Array<number>(count).fill(0);
  let done = false;
  let pulling: Promise<void> | undefined;

  const pull = (): Promise<void> => {
    pulling ??= iterator.next().then((result) => {
      pulling = undefined;
      if (result.done === true) done = true;
      else buffer.push(result.value);
    });
    return pulling;
  };
  const trim = (): void => {
    const slowest = Math.min(...next);
    if (slowest > base) {
      buffer.splice(0, slowest - base);
      base = slowest;
    }
  };
  const reader = (index: number): AsyncIterable<T> => ({
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<T>> {
        while (next[index] === base + buffer.length && !done) await pull();
        const at = next[index] ?? 0;
        if (at >= base + buffer.length) return { done: true, value: undefined };
        const value = buffer[at - base] as T;
        next[index] = at + 1;
        trim();
        return { done: false, value };
      },
    }),
  });
  return Array.from({ length: count }, (_, index) => reader(index));
}
