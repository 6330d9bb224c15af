import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { AggregateCache } from "./aggregate-cache.js";
import type { AppendError } from "./append-errors.js";
import type { Decider, Evolver } from "./decider.js";
import type { DomainEvent, EventMeta, EventToAppend, RecordedEvent } from "./envelope.js";
import { domainError, type DomainError } from "./errors.js";
import type { EventStore } from "./event-store.js";
import { evolveWithImmer, fold } from "./fold.js";
import { loadCachedStream, loadStream, type LoadedStream } from "./load-stream.js";
import { normaliseMeta } from "./meta.js";
import type { SnapshotPolicy } from "./snapshots.js";

/** Options of `handleCommand`. */
export interface HandleCommandOptions<State, Facts> {
  /** The facts `decide` needs from other processes, or a function that looks them up for the state. */
  readonly facts?: Facts | ((state: State) => Facts | Promise<Facts>);
  /** How many times to reload and decide again after a version conflict (default 3). */
  readonly maxRetries?: number;
  readonly snapshots?: SnapshotPolicy;
  /**
   * Recent stream states, so a command does not replay its stream: checked against the
   * store's version before use, caught up when another writer moved the stream on, dropped
   * on a version conflict, and set to the state after the append. `createCommandHandler`
   * gives one by default.
   */
  readonly cache?: AggregateCache<State>;
}

/** What a handled command appended and the state after it. */
export interface CommandResult<State, Event extends DomainEvent> {
  readonly streamId: string;
  readonly events: readonly RecordedEvent<Event>[];
  readonly state: State;
  readonly version: number;
  /** True when the command id had been handled before: nothing new was appended. */
  readonly duplicate: boolean;
}

/** Why a command was not carried out: a domain refusal, a refused append, or retries used up. */
export type HandleCommandError = DomainError | AppendError;

/**
 * Loads the stream, decides, and appends with the version it read. On a version conflict
 * it reloads and decides again, up to `maxRetries` times. A command whose `meta.commandId`
 * was handled before returns the first result and appends nothing.
 */
export async function handleCommand<Command, State, Event extends DomainEvent, Facts>(
  store: EventStore,
  decider: Decider<Command, State, Event, Facts>,
  streamId: string,
  command: Command,
  meta: EventMeta,
  options: HandleCommandOptions<State, Facts> = {},
): Promise<Either<HandleCommandError, CommandResult<State, Event>>> {
  // Meta is checked first (core's input rules): a command id that is not an id is never looked up.
  const checked = normaliseMeta(meta);
  if (checked._tag === "Left") return left(domainError("invalid_meta", checked.left.message, { path: checked.left.path }));
  const replay = await replayOfCommand(store, decider, checked.right.commandId);
  if (replay !== undefined) return right(replay);
  const maxRetries = options.maxRetries ?? 3;
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    const { state, version } = await load(store, decider, streamId, options);
    // Facts given as a value are used as they are: awaiting them would cost a turn of the microtask queue per command.
    const facts = typeof options.facts === "function" ? await (options.facts as (state: State) => Facts | Promise<Facts>)(state) : options.facts;
    const decision = decider.decide(command, state, facts as Facts);
    if (decision._tag === "Left") return decision;
    if (decision.right.length === 0) return right({ streamId, events: [], state, version, duplicate: false });
    const appended = await store.appendToStream(streamId, decision.right as readonly EventToAppend<Event>[], { expectedVersion: version, meta: checked.right });
    if (appended._tag === "Left") {
      // Another writer moved the stream on (or the cache was behind): never decide twice on the same state.
      remember(options.cache, streamId, undefined);
      if (appended.left.code === "version_conflict") continue;
      return appended;
    }
    const events = appended.right.events as readonly RecordedEvent<Event>[];
    if (appended.right.duplicate) return right(await resultOfDuplicate(store, decider, appended.right.streamId, events));
    const next = evolveWithImmer(decider, state, events);
    remember(options.cache, streamId, { state: next, version: appended.right.nextExpectedVersion });
    return right({ streamId, events, state: next, version: appended.right.nextExpectedVersion, duplicate: false });
  }
  return left(domainError("concurrency_retries_exhausted", `stream ${streamId}: still conflicting after ${maxRetries + 1} attempts; another writer keeps moving it on`, { streamId, attempts: maxRetries + 1 }));
}

/** Sets a stream's cached state, or drops it (undefined); nothing without a cache. */
function remember<State>(cache: AggregateCache<State> | undefined, streamId: string, loaded: LoadedStream<State> | undefined): void {
  if (cache === undefined) return;
  if (loaded === undefined) cache.drop(streamId);
  else cache.set(streamId, loaded);
}

function load<State, Event extends DomainEvent, Facts>(store: EventStore, evolver: Evolver<State, Event>, streamId: string, options: HandleCommandOptions<State, Facts>): Promise<LoadedStream<State>> {
  return options.cache === undefined ? loadStream(store, evolver, streamId, options.snapshots) : loadCachedStream(store, evolver, streamId, options.cache, options.snapshots);
}

async function replayOfCommand<State, Event extends DomainEvent>(
  store: EventStore,
  evolver: Evolver<State, Event>,
  commandId: string | undefined,
): Promise<CommandResult<State, Event> | undefined> {
  if (commandId === undefined) return undefined;
  const previous = await store.findCommand(commandId);
  if (previous === undefined) return undefined;
  const events = previous.events as readonly RecordedEvent<Event>[];
  return resultOfDuplicate(store, evolver, previous.streamId, events);
}

/** The first result of a command already handled: its events, and the stream's state and version just after them (not the stream's state today). */
async function resultOfDuplicate<State, Event extends DomainEvent>(
  store: EventStore,
  evolver: Evolver<State, Event>,
  streamId: string,
  events: readonly RecordedEvent<Event>[],
): Promise<CommandResult<State, Event>> {
  const version = events[events.length - 1]?.version ?? (await store.streamVersion(streamId));
  const upToFirst: RecordedEvent<Event>[] = [];
  for await (const event of store.readStream(streamId, { toVersion: version })) upToFirst.push(event as RecordedEvent<Event>);
  const state = upToFirst.length === 0 ? evolver.initialState : fold(evolver, upToFirst, evolver.initialState);
  return { streamId, events, state, version, duplicate: true };
}
