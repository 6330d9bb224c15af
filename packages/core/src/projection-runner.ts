import type { RecordedEvent } from "./envelope.js";
import type { EventStore } from "./event-store.js";

/** Where each subscriber keeps the last log position it has fully handled. */
export interface CheckpointStore {
  /** The last handled position of a subscriber; 0 when it has handled nothing. */
  load(name: string): Promise<number>;
  save(name: string, position: number): Promise<void>;
}

/** Checkpoints held in memory. */
export function createInMemoryCheckpointStore(): CheckpointStore {
  const positions = new Map<string, number>();
  return {
    load: async (name) => positions.get(name) ?? 0,
    save: async (name, position) => {
      positions.set(name, position);
    },
  };
}

/** A subscriber that keeps a read model (in memory, a table, a file) current from the log. */
export interface ProjectionHandler {
  readonly name: string;
  handle(event: RecordedEvent): void | Promise<void>;
}

/** Options of a projection runner. */
export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly handlers: readonly ProjectionHandler[];
  /** Save the checkpoint after this many events (default 1000) and at the end of each run. */
  readonly checkpointEvery?: number;
}

/** Catches handlers up with the log, each from its own checkpoint. */
export interface ProjectionRunner {
  /** Handles every event after each handler's checkpoint; returns how many each handled. */
  runOnce(): Promise<ReadonlyMap<string, number>>;
}

/**
 * Creates a runner that feeds each handler the events after its checkpoint, in position
 * order, saving checkpoints as it goes: after a crash a handler resumes where it stopped
 * and sees each event at least once.
 */
export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const every = options.checkpointEvery ?? 1000;
  const runHandler = async (handler: ProjectionHandler): Promise<number> => {
    const from = (await options.checkpoints.load(handler.name)) + 1;
    let handled = 0;
    let last = from - 1;
    for await (const event of options.store.readAll({ fromPosition: from })) {
      await handler.handle(event);
      handled++;
      last = event.position;
      if (handled % every === 0) await options.checkpoints.save(handler.name, last);
    }
    if (handled % every !== 0) await options.checkpoints.save(handler.name, last);
    return handled;
  };
  return {
    async runOnce() {
      const counts = new Map<string, number>();
      for (const handler of options.handlers) counts.set(handler.name, await runHandler(handler));
      return counts;
    },
  };
}
