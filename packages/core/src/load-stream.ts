import type { AggregateCache } from "./aggregate-cache.js";
import type { Evolver } from "./decider.js";
import type { DomainEvent, RecordedEvent } from "./envelope.js";
import type { EventStore } from "./event-store.js";
import { fold } from "./fold.js";
import type { SnapshotPolicy } from "./snapshots.js";

/** A stream's state and the version it reflects. */
export interface LoadedStream<State> {
  readonly state: State;
  readonly version: number;
}

/**
 * Rehydrates a stream: from its latest snapshot (when a snapshot policy is given) plus
 * the events after it, folded in one pass. Saves a new snapshot when the tail grew
 * past the policy's interval.
 */
export async function loadStream<State, Event extends DomainEvent>(
  store: EventStore,
  evolver: Evolver<State, Event>,
  streamId: string,
  snapshots?: SnapshotPolicy,
): Promise<LoadedStream<State>> {
  // No await without a policy: awaiting undefined still costs a turn of the microtask queue per load.
  const snapshot = snapshots === undefined ? undefined : await snapshots.store.load<State>(streamId, snapshots.revision ?? 1);
  const fromVersion = (snapshot?.version ?? 0) + 1;
  const tail = (await collectStream(store, streamId, fromVersion)) as readonly RecordedEvent<Event>[];
  const base = snapshot?.state ?? evolver.initialState;
  const state = tail.length === 0 ? base : fold(evolver, tail, base);
  const version = (snapshot?.version ?? 0) + tail.length;
  if (snapshots !== undefined && tail.length >= (snapshots.every ?? 100)) {
    await snapshots.store.save({ streamId, version, revision: snapshots.revision ?? 1, state });
  }
  return { state, version };
}

/**
 * Loads a stream through a cache of recent states: a cached state is checked against the
 * store's version of the stream first; when another writer moved the stream on, only the
 * events after the cached version are read and folded onto it; when it is not cached, the
 * stream is loaded (`loadStream`, from a snapshot where a policy is given). The result is
 * cached either way.
 */
export async function loadCachedStream<State, Event extends DomainEvent>(
  store: EventStore,
  evolver: Evolver<State, Event>,
  streamId: string,
  cache: AggregateCache<State>,
  snapshots?: SnapshotPolicy,
): Promise<LoadedStream<State>> {
  const cached = cache.get(streamId);
  if (cached === undefined) {
    cache.record("miss");
    const loaded = await loadStream(store, evolver, streamId, snapshots);
    cache.set(streamId, loaded);
    return loaded;
  }
  const version = await store.streamVersion(streamId);
  if (version === cached.version) {
    cache.record("hit");
    return cached;
  }
  cache.record("caughtUp");
  const tail = (await collectStream(store, streamId, cached.version + 1)) as readonly RecordedEvent<Event>[];
  const loaded = { state: tail.length === 0 ? cached.state : fold(evolver, tail, cached.state), version: cached.version + tail.length };
  cache.set(streamId, loaded);
  return loaded;
}

/**
 * Reads a stream from a version into an array: page by page where the store hands out
 * pages (a stream that comes in one page is folded from that page, not copied), else
 * event by event.
 */
async function collectStream(store: EventStore, streamId: string, fromVersion: number): Promise<readonly RecordedEvent[]> {
  if (store.readStreamPages === undefined) {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId, { fromVersion })) events.push(event);
    return events;
  }
  let first: readonly RecordedEvent[] = [];
  let joined: RecordedEvent[] | undefined;
  for await (const page of store.readStreamPages(streamId, { fromVersion })) {
    if (joined === undefined && first.length === 0) first = page;
    else {
      joined ??= [...first];
      for (const event of page) joined.push(event);
    }
  }
  return joined ?? first;
}
