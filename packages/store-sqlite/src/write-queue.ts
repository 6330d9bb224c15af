/** Runs the store's writes one after another, so a long import never interleaves with an append. */
export interface WriteQueue {
  run<T>(work: () => T | Promise<T>): Promise<T>;
  /** Resolves once every write queued so far has finished. */
  idle(): Promise<void>;
}

const ignore = (): void => undefined;

/** Creates a queue of writes on one connection; a failed write does not stop the ones after it. */
export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(work: () => T | Promise<T>): Promise<T> {
      const result = tail.then(work);
      tail = result.then(ignore, ignore);
      return result;
    },
    idle: () => tail.then(ignore),
  };
}
