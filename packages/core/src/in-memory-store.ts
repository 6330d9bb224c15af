import { left, right, type Either } from "fp-ts/lib/Either.js";
import { versionConflict, type AppendError } from "./append-errors.js";
import type { EventCatalogue } from "./catalogue.js";
import { systemClock, type Clock } from "./clock.js";
import { EMPTY_HEAD, type ChainHead, type EventToAppend, type RecordedEvent } from "./envelope.js";
import type { AppendOptions, AppendResult, CommandRecord, EventStore, ImportResult, LogRange, StreamRange } from "./event-store.js";
import { randomIds, type IdGenerator } from "./ids.js";
import { collectImport } from "./import-log.js";
import { inLogRange, normaliseLogRange } from "./log-range.js";
import { checkAppendRequest } from "./append-request.js";
import { recordBatch } from "./prepare-batch.js";
import { createMemoryMerkleTree } from "./merkle-node-source.js";
import { toHex } from "./merkle-hash.js";
import { markDeeplyFrozen } from "./frozen-pages.js";

/** Options of the in-memory store. */
export interface InMemoryStoreOptions {
  /** When given, every appended event must be of a known type and pass its schema. */
  readonly catalogue?: EventCatalogue;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
}

/** An event store held in memory: for tests and short-lived embedding. */
export interface InMemoryEventStore extends EventStore {
  /** The whole log, in position order, without copying (frozen events). */
  events(): readonly RecordedEvent[];
}

/**
 * Creates an in-memory event store. Appends are atomic (all checks run before the first
 * write, and nothing awaits in between), and each stream keeps its events in an array of
 * its own (the same frozen objects as the log), so an append never copies a stream and a
 * read hands out a slice of it.
 */
export function createInMemoryEventStore(options: InMemoryStoreOptions = {}): InMemoryEventStore {
  const context = { catalogue: options.catalogue, clock: options.clock ?? systemClock, ids: options.ids ?? randomIds };
  const log: RecordedEvent[] = [];
  const streams = new Map<string, RecordedEvent[]>();
  /** Command id -> the position of its first event, or all its positions once it has more than one. */
  const commands = new Map<string, number | number[]>();
  const tree = createMemoryMerkleTree();

  const head = (): ChainHead => {
    const last = log[log.length - 1];
    return last === undefined ? EMPTY_HEAD : { position: last.position, hash: last.hash };
  };
  const at = (position: number): RecordedEvent => log[position - 1] as RecordedEvent;
  const commandRecord = (commandId: string): CommandRecord | undefined => {
    const found = commands.get(commandId);
    if (found === undefined) return undefined;
    const positions = typeof found === "number" ? [found] : found;
    return { streamId: at(positions[0] as number).streamId, events: positions.map(at) };
  };

  const indexCommand = (commandId: string, event: RecordedEvent): void => {
    const known = commands.get(commandId);
    if (known === undefined) commands.set(commandId, event.position);
    else if (typeof known === "number") {
      if (at(known).streamId === event.streamId) commands.set(commandId, [known, event.position]);
    } else if (at(known[0] as number).streamId === event.streamId) known.push(event.position);
  };

  const commit = (recorded: readonly RecordedEvent[]): void => {
    for (const event of recorded) {
      log.push(event);
      tree.add(event.hash);
      let stream = streams.get(event.streamId);
      if (stream === undefined) streams.set(event.streamId, (stream = []));
      stream.push(event);
      const commandId = event.meta.commandId;
      if (commandId !== undefined) indexCommand(commandId, event);
    }
  };

  const append = (streamId: string, events: readonly EventToAppend[], appendOptions: AppendOptions): Either<AppendError, AppendResult> => {
    const checked = checkAppendRequest(streamId, events, appendOptions, context.catalogue);
    if (checked._tag === "Left") return checked;
    const { commandId, expectedVersion } = checked.right;
    const previous = commandId === undefined ? undefined : commandRecord(commandId);
    const version = streams.get(streamId)?.length ?? 0;
    if (previous !== undefined) {
      const nextExpectedVersion = streams.get(previous.streamId)?.length ?? 0;
      return right({ streamId: previous.streamId, events: previous.events, nextExpectedVersion, duplicate: true });
    }
    const conflict = versionConflict(streamId, expectedVersion, version);
    if (conflict !== undefined) return left(conflict);
    const recorded = recordBatch(checked.right, { streamVersion: version, head: head() }, context);
    if (recorded._tag === "Left") return recorded;
    commit(recorded.right);
    return right({ streamId, events: recorded.right, nextExpectedVersion: version + recorded.right.length, duplicate: false });
  };

  const readStream = (streamId: string, range: StreamRange = {}): AsyncIterableIterator<RecordedEvent> =>
    asyncCursor(() => {
      const stream = streams.get(streamId) ?? [];
      let version = Math.max(1, range.fromVersion ?? 1);
      const to = Math.min(stream.length, range.toVersion ?? stream.length);
      return () => (version <= to ? stream[version++ - 1] : undefined);
    });

  /** The range as one page (a frozen slice of the stream, marked as frozen all the way down), or no page when the range is empty. */
  const readStreamPages = (streamId: string, range: StreamRange = {}): AsyncIterableIterator<readonly RecordedEvent[]> =>
    asyncCursor(() => {
      const stream = streams.get(streamId) ?? [];
      const from = Math.max(1, range.fromVersion ?? 1);
      const to = Math.min(stream.length, range.toVersion ?? stream.length);
      let page: readonly RecordedEvent[] | undefined = from > to ? undefined : markDeeplyFrozen(stream.slice(from - 1, to));
      return () => {
        const next = page;
        page = undefined;
        return next;
      };
    });

  const readAll = (requested: LogRange = {}): AsyncIterableIterator<RecordedEvent> =>
    asyncCursor(() => {
      const range = normaliseLogRange(requested);
      let position = Math.max(1, range.fromPosition ?? 1);
      return () => {
        for (; position <= log.length; position++) {
          if (range.toPosition !== undefined && position > range.toPosition) return undefined;
          const event = at(position);
          if (inLogRange(event, range)) return at(position++);
        }
        return undefined;
      };
    });

  const importLog = async (
    incoming: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  ): Promise<Either<AppendError, ImportResult>> => {
    const streamVersionBefore = (streamId: string): number => streams.get(streamId)?.length ?? 0;
    const collected = await collectImport(incoming, { head: head(), streamVersionBefore, catalogue: context.catalogue });
    if (collected._tag === "Left") return collected;
    commit(collected.right);
    return right({ count: collected.right.length, head: head() });
  };

  return {
    appendToStream: async (streamId, events, appendOptions) => append(streamId, events, appendOptions),
    readStream,
    readStreamPages,
    readAll,
    streamVersion: async (streamId) => streams.get(streamId)?.length ?? 0,
    head: async () => head(),
    findCommand: async (commandId) => commandRecord(commandId),
    importLog,
    treeHead: async () => ({ size: log.length, root: toHex(tree.frontier.root()), headHash: head().hash }),
    merkleNodes: () => tree,
    close: async () => undefined,
    events: () => log,
  };
}

type Cursor<T> = () => T | undefined;

const finishedStep: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * A single-use async iterator over a synchronous cursor, opened on the first `next()` as an
 * async generator's body would be. Each item costs one already-resolved promise; an async
 * generator costs about three microtask turns per item, which dominated rehydration. A
 * class, so reading a stream creates no closures beyond its cursor.
 */
class AsyncCursor<T> implements AsyncIterableIterator<T> {
  #open: (() => Cursor<T>) | undefined;
  #cursor: Cursor<T> | undefined;

  constructor(open: () => Cursor<T>) {
    this.#open = open;
  }

  next(): Promise<IteratorResult<T>> {
    try {
      const open = this.#open;
      if (open !== undefined) {
        this.#open = undefined;
        this.#cursor = open();
      }
      const value = this.#cursor?.();
      if (value !== undefined) return Promise.resolve({ done: false, value });
      return this.return();
    } catch (error) {
      this.#cursor = undefined;
      return Promise.reject(error);
    }
  }

  return(): Promise<IteratorResult<T>> {
    this.#open = undefined;
    this.#cursor = undefined;
    return Promise.resolve(finishedStep);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

function asyncCursor<T>(open: () => Cursor<T>): AsyncIterableIterator<T> {
  return new AsyncCursor(open);
}
