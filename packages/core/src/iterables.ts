/** True when the value can be read with `for await`. */
export function isAsyncIterable<T>(value: Iterable<T> | AsyncIterable<T>): value is AsyncIterable<T> {
  return typeof (value as AsyncIterable<T>)[Symbol.asyncIterator] === "function";
}

/** Collects an iterable or async iterable into an array (for tests and small logs). */
export async function toArray<T>(items: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

/** The items of pages, one by one, in order: a store's `readStream` made from its `readStreamPages`. */
export async function* flattenPages<T>(pages: AsyncIterable<readonly T[]>): AsyncGenerator<T> {
  for await (const page of pages) yield* page;
}

/** An async iterable that yields nothing: the pages of a stream no store can hold. */
export async function* emptyAsync<T>(): AsyncGenerator<T> {
  // Nothing to yield.
}
