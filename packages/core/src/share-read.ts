/** A function that reads events and answers: a projection over an async iterable. */
export type SharedReader<T, R> = (events: AsyncIterable<T>) => Promise<R>;

/** How many items a shared read pulls from its source before handing them to every reader. */
export const SHARED_READ_BATCH = 512;

interface Batch<T> {
  readonly items: readonly T[];
  readonly done: boolean;
}

interface Pending<T> {
  readonly promise: Promise<Batch<T>>;
  resolve(batch: Batch<T>): void;
  reject(error: unknown): void;
}

function pending<T>(): Pending<T> {
  let resolve: (batch: Batch<T>) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<Batch<T>>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  // A batch that fails while no reader waits for it is not an unhandled rejection: the failure reaches the caller once.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Runs several readers on one read of a source, side by side, and answers what each
 * answered, by name: where reading each on its own would read (and verify) a log once per
 * reader. The readers go in step: the next batch of `batchSize` items is pulled only when
 * every reader still reading has taken the one before, so memory holds one batch, however
 * long the source. A reader that stops early (or never reads) leaves the others to go on;
 * when every reader is done, a source not read to its end is closed (`return`). A reader
 * reads its events once, and must not wait for another reader's answer (it would wait
 * forever: the others wait for it). The first failure, of the source or of a reader, is
 * what the returned promise rejects with, after every reader stopped.
 */
export async function shareOneRead<T, R extends Record<string, unknown>>(
  source: AsyncIterable<T>,
  readers: { readonly [K in keyof R]: SharedReader<T, R[K]> },
  batchSize = SHARED_READ_BATCH,
): Promise<R> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`shareOneRead: batchSize must be a positive integer, got ${batchSize}`);
  const iterator = source[Symbol.asyncIterator]();
  const names = Object.keys(readers) as (keyof R & string)[];
  let reading = names.length;
  let waiting = 0;
  let exhausted = false;
  let failure: { readonly error: unknown } | undefined;
  let next = pending<T>();

  async function pull(): Promise<Batch<T>> {
    const items: T[] = [];
    while (items.length < batchSize) {
      const step = await iterator.next();
      if (step.done === true) {
        exhausted = true;
        return { items, done: true };
      }
      items.push(step.value);
    }
    return { items, done: false };
  }

  function pullWhenAllWait(): void {
    if (waiting === 0 || waiting < reading) return;
    waiting = 0;
    const current = next;
    next = pending<T>();
    pull().then(current.resolve, current.reject);
  }

  function fail(error: unknown): void {
    if (failure !== undefined) return;
    failure = { error };
    next.reject(error);
  }

  function waitForBatch(): Promise<Batch<T>> {
    if (failure !== undefined) return Promise.reject(failure.error);
    waiting += 1;
    const batch = next.promise;
    pullWhenAllWait();
    return batch;
  }

  async function run(name: keyof R & string): Promise<R[keyof R]> {
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      reading -= 1;
      pullWhenAllWait();
    };
    let iterated = false;
    async function* events(): AsyncGenerator<T> {
      try {
        for (;;) {
          const batch = await waitForBatch();
          yield* batch.items;
          if (batch.done) return;
        }
      } finally {
        stop();
      }
    }
    const shared: AsyncIterable<T> = {
      [Symbol.asyncIterator]() {
        if (iterated) throw new Error(`shareOneRead: reader "${name}" read its events twice; a shared read goes once`);
        iterated = true;
        return events();
      },
    };
    try {
      return await readers[name](shared);
    } catch (error) {
      fail(error);
      throw error;
    } finally {
      stop();
    }
  }

  const settled = await Promise.allSettled(names.map((name) => run(name)));
  if (!exhausted) await iterator.return?.();
  if (failure !== undefined) throw failure.error;
  const answers: Partial<R> = {};
  settled.forEach((outcome, index) => {
    if (outcome.status === "fulfilled") answers[names[index] as keyof R] = outcome.value;
  });
  return answers as R;
}
