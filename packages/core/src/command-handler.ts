import type { Either } from "fp-ts/lib/Either.js";
import { createAggregateCache, type AggregateCache, type AggregateCacheOptions } from "./aggregate-cache.js";
import type { Decider } from "./decider.js";
import type { DomainEvent, EventMeta } from "./envelope.js";
import type { EventStore } from "./event-store.js";
import { handleCommand, type CommandResult, type HandleCommandError, type HandleCommandOptions } from "./handle-command.js";
import type { SnapshotPolicy } from "./snapshots.js";

/** Options of `createCommandHandler`: the cache's bounds (or `false` for none), snapshots, and retries. */
export interface CommandHandlerOptions<State> {
  /** Recent stream states kept between commands (default: on, 10,000 streams); `false` replays every stream per command. */
  readonly cache?: AggregateCacheOptions<State> | false;
  readonly snapshots?: SnapshotPolicy;
  /** How many times to reload and decide again after a version conflict (default 3). */
  readonly maxRetries?: number;
}

/** Commands of one decider over one store, with the state of recent streams cached between commands. */
export interface CommandHandler<Command, State, Event extends DomainEvent, Facts> {
  /** `handleCommand` with this handler's cache, snapshots and retries; `facts` as there. */
  handle(streamId: string, command: Command, meta: EventMeta, facts?: HandleCommandOptions<State, Facts>["facts"]): Promise<Either<HandleCommandError, CommandResult<State, Event>>>;
  /** The handler's cache; undefined when made with `cache: false`. */
  readonly cache: AggregateCache<State> | undefined;
}

/**
 * The default command path: `handleCommand` with a bounded cache of recent stream states,
 * so a command reads only its stream's version (and any events another writer appended
 * since) instead of replaying the stream. Safe with other writers on the same log: a
 * cached state is checked against the store's version before use and dropped on conflict.
 */
export function createCommandHandler<Command, State, Event extends DomainEvent, Facts>(
  store: EventStore,
  decider: Decider<Command, State, Event, Facts>,
  options: CommandHandlerOptions<State> = {},
): CommandHandler<Command, State, Event, Facts> {
  const cache = options.cache === false ? undefined : createAggregateCache<State>(options.cache);
  const base: HandleCommandOptions<State, Facts> = {
    ...(cache === undefined ? {} : { cache }),
    ...(options.snapshots === undefined ? {} : { snapshots: options.snapshots }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  };
  return {
    cache,
    handle: (streamId, command, meta, facts) => handleCommand(store, decider, streamId, command, meta, facts === undefined ? base : { ...base, facts }),
  };
}
