import type pg from "pg";
import type { CheckpointStore, LogRange, RecordedEvent } from "@handover/core";
import { isConnectionLoss } from "./errors.js";
import { listenToLog, type LogListener } from "./listener.js";
import type { LogNames } from "./sql-names.js";

/** Options of `subscribe`. */
export interface SubscribeOptions {
  /** The subscriber's name: its checkpoint is kept under it. */
  readonly name: string;
  /** Called once per event, in position order; a throw stops the subscription. */
  readonly handler: (event: RecordedEvent) => void | Promise<void>;
  /** Where the checkpoint is kept (default: the store's own checkpoints table). */
  readonly checkpoints?: CheckpointStore;
  /** Save the checkpoint after this many events (default 100) and after each catch-up. */
  readonly checkpointEvery?: number;
  /** Read anyway after this long without a notification, in case one was lost (default 5000 ms). */
  readonly pollIntervalMs?: number;
}

/** A running subscriber: handles every event after its checkpoint, then each new one. */
export interface Subscription {
  /** The last position handled. */
  position(): number;
  /** Resolves once the subscriber has handled the log up to at least this position. */
  waitFor(position: number): Promise<void>;
  /** Stops after the event in hand, saves the checkpoint and frees the connection. */
  close(): Promise<void>;
  /** Resolves when closed; rejects with the handler's error if a handler threw. */
  readonly done: Promise<void>;
}

/** What a subscription reads and listens through. */
export interface SubscriptionSource {
  readonly pool: pg.Pool;
  readonly names: LogNames;
  readonly checkpoints: CheckpointStore;
  readAll(range: LogRange): AsyncIterable<RecordedEvent>;
}

class HandlerFailure extends Error {}

/**
 * Subscribes with LISTEN/NOTIFY plus catch-up: it listens first, then reads from its
 * checkpoint, and reads again after every notification (and every `pollIntervalMs`).
 * Events committed before LISTEN are found by the read, later ones are announced, so
 * none is missed; positions commit in order, so none is skipped. A lost connection is
 * retried; a handler that throws stops the subscription.
 */
export async function subscribeToLog(source: SubscriptionSource, options: SubscribeOptions): Promise<Subscription> {
  const checkpoints = options.checkpoints ?? source.checkpoints;
  const every = options.checkpointEvery ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  let position = await checkpoints.load(options.name);
  let stopped = false;
  let pending = true;
  let wake: () => void = () => undefined;
  const waiters = new Set<{ readonly position: number; readonly resolve: () => void; readonly reject: (error: Error) => void }>();
  const signal = (): void => {
    pending = true;
    wake();
  };

  let listener: LogListener | undefined;
  const listen = async (): Promise<void> => {
    listener = await listenToLog(source.pool, source.names, signal);
  };

  const catchUp = async (): Promise<void> => {
    let handled = 0;
    for await (const event of source.readAll({ fromPosition: position + 1 })) {
      if (stopped) break;
      try {
        await options.handler(event);
      } catch (error) {
        throw new HandlerFailure(`subscriber ${options.name}: the handler failed at position ${event.position}`, { cause: error });
      }
      position = event.position;
      if (++handled % every === 0) await checkpoints.save(options.name, position);
      for (const waiter of waiters) {
        if (waiter.position > position) continue;
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
    if (handled % every !== 0) await checkpoints.save(options.name, position);
  };

  const sleep = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, pollIntervalMs);
      wake = () => (clearTimeout(timer), resolve());
    });

  const run = async (): Promise<void> => {
    while (!stopped) {
      if (!pending) await sleep();
      pending = false;
      if (stopped) break;
      try {
        if (listener === undefined || listener.broken) await listen();
        await catchUp();
      } catch (error) {
        if (error instanceof HandlerFailure || !isConnectionLoss(error)) throw error;
      }
    }
  };

  await listen();
  const done = run().finally(async () => {
    stopped = true;
    for (const waiter of waiters) waiter.reject(new Error(`subscriber ${options.name} stopped at position ${position}`));
    waiters.clear();
    await listener?.close();
    listener = undefined;
  });
  done.catch(() => undefined);
  return {
    position: () => position,
    waitFor: (target) =>
      target <= position ? Promise.resolve() : new Promise<void>((resolve, reject) => waiters.add({ position: target, resolve, reject })),
    close: async () => {
      stopped = true;
      wake();
      await done.catch(() => undefined);
    },
    done,
  };
}
