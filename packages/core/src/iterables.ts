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

/**
 * The items of an import, each in a box, read without ever awaiting an item itself: `for
 * await` over a plain list awaits each item, which reads its `then` (a proxy or getter
 * there would throw out of the loop). A store's import loops over these instead.
 */
export async function* boxedItems<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<{ readonly item: T }> {
  if (!isAsyncIterable(items)) {
    for (const item of items) yield { item };
    return;
  }
  const iterator = items[Symbol.asyncIterator]();
  for (;;) {
    const step = await iterator.next();
    if (step.done === true) return;
    yield { item: step.value };
  }
}
