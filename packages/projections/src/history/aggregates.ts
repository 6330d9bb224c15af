import { evolveWithImmer, type RecordedEvent, type SpillStore } from "@handover/core";
import type { Draft } from "immer";
import { aggregateIdOf, WIRED, wiringOfType, type ProcessName, type StateOf } from "../event-kinds.js";
import { freshStateOf } from "../fresh-state.js";
import { deepFreeze } from "../freeze.js";
import type { AnyWiring } from "../processes/wiring.js";
import type { Retention } from "./retention.js";
import { SpillingMap } from "./spilling-map.js";

/** One aggregate during a replay: its state (mutable, private to the replay) and where its first and latest events are. */
export interface Tracked<State> {
  /** Its state; under `readiness` retention, a finished item's state holds only the trimmed fields (the rest read as initial). */
  state: State;
  /** True while `state` is trimmed: the next event on the item first makes it whole (fresh, with the kept fields) again. */
  trimmed: boolean;
  readonly firstPosition: number;
  lastPosition: number;
  /** `meta.occurredAt` of the latest event. */
  lastAt: string;
  /** The version of its stream (its events so far). */
  version: number;
}

/** The aggregates of every process in the list but configuration (the CMDB holds the CIs), by process and id. */
export interface Aggregates {
  /** One process's aggregates by their own ids, in the order they first appeared. */
  of<N extends ProcessName>(process: N): Map<string, Tracked<StateOf<N>>>;
  /** What is kept of finished work items. */
  readonly retention: Retention;
  /**
   * Freezes every state changed since the last call, so it can be handed out; the next
   * event on a frozen state evolves a copy (immer), leaving what was handed out as it was.
   * Only a history created to hand its states out (the engine's) keeps the changed ones.
   */
  seal(): void;
  /** With a spill store: writes out the finished work items (closed, cancelled) beyond the most recently finished, keeping nothing of them in memory; without one, does nothing. */
  spillFinished(): void;
  /** With a spill store: entries that other state (readiness's indexes) keeps of one process's items leave memory with each item it spills and come back with it; without one, does nothing. */
  accompany(process: ProcessName, companion: Companion): void;
}

/**
 * What another model keeps of one work item (a resolved incident's SLA verdict, its links
 * to problems), handed to the spill with the item: `take` removes the item's entries and
 * answers them as JSON data (undefined: it has none), `give` puts back what `take` answered
 * when the item is read back, merged with any entries made while it was spilled.
 */
export interface Companion {
  take(id: string): unknown;
  give(id: string, taken: unknown): void;
}

/** What a process's replay needs, made once per process: fresh states, and the initial state a trimmed item reads through. */
interface ReplayKit {
  readonly fresh: () => unknown;
  /** An initial state of this module's own, never written (not frozen: a frozen prototype would refuse the kept fields). */
  readonly trimmedBase: object;
}

const kits = new Map<string, ReplayKit>();
function kitOf(wiring: AnyWiring): ReplayKit {
  let kit = kits.get(wiring.descriptor.name);
  if (kit === undefined) {
    const fresh = freshStateOf(wiring.descriptor.decider.initialState as object);
    kits.set(wiring.descriptor.name, (kit = { fresh, trimmedBase: fresh() }));
  }
  return kit;
}

/** How many finished items of each process a spilling replay keeps in memory by default: those a later event or rule is most likely to name. */
export const SPILL_KEEPS_RECENT = 1000;

/** Where a replay spills finished work items, and how many of the most recently finished of each process it keeps in memory first (default 1,000). */
export interface SpillOptions {
  readonly store: SpillStore;
  readonly keepRecent?: number;
}

/** The history option a replay's `spill` and `spillKeepsRecent` options make (none without a spill), as the audit and the handover view take them. */
export function spillOptionOf(options: { readonly spill?: SpillStore; readonly spillKeepsRecent?: number }): { spill?: SpillOptions } {
  if (options.spill === undefined) return {};
  return { spill: { store: options.spill, ...(options.spillKeepsRecent === undefined ? {} : { keepRecent: options.spillKeepsRecent }) } };
}

/** What a trimmed item read back from a spill needs again: its kept fields over the initial state it reads the rest from (JSON keeps only the fields). */
function revivalOf(kit: ReplayKit): (tracked: Tracked<unknown>) => void {
  return (tracked) => {
    if (tracked.trimmed) tracked.state = Object.assign(Object.create(kit.trimmedBase) as object, tracked.state);
  };
}

/** The states changed since the last seal, of the aggregates that hand their states out. */
const changedSinceSeal = new WeakMap<Aggregates, Set<Tracked<unknown>>>();

/**
 * Empty aggregates, keeping everything of finished work items unless told to keep only what
 * readiness reads; `handsOut`: states are sealed before they are handed out (and never
 * spilled); `spill`: finished work items (whole, or as trimmed) are kept in it rather than in
 * memory (`spillFinished`), read back when asked for.
 */
export function createAggregates(retention: Retention = "everything", handsOut = false, spill?: SpillOptions): Aggregates {
  const keepRecent = spill?.keepRecent ?? SPILL_KEEPS_RECENT;
  // A count that is not a whole number would spill every finished item (negative, NaN) or none (Infinity) without a word.
  if (!Number.isSafeInteger(keepRecent) || keepRecent < 0) throw new RangeError(`spillKeepsRecent: expected a whole number of items from 0 up, got ${String(keepRecent)}`);
  const spilling = new Map<string, SpillingMap>();
  const mapOf = (wiring: AnyWiring): Map<string, Tracked<unknown>> => {
    const finished = wiring.trimming?.finished;
    if (spill === undefined || finished === undefined || handsOut) return new Map();
    const map = new SpillingMap(spill.store, wiring.descriptor.name, finished as (state: unknown) => boolean, keepRecent, revivalOf(kitOf(wiring)));
    spilling.set(wiring.descriptor.name, map);
    return map;
  };
  const maps = new Map<string, Map<string, Tracked<unknown>>>(WIRED.map((wiring) => [wiring.descriptor.name, mapOf(wiring)]));
  const aggregates: Aggregates = {
    spillFinished() {
      for (const map of spilling.values()) map.spillFinished();
    },
    accompany(process, companion) {
      spilling.get(process)?.accompany(companion);
    },
    retention,
    of: <N extends ProcessName>(process: N) => (maps.get(process) ?? new Map()) as Map<string, Tracked<StateOf<N>>>,
    seal() {
      const changed = changedSinceSeal.get(aggregates);
      if (changed === undefined) return;
      for (const tracked of changed) deepFreeze(tracked.state);
      changed.clear();
    },
  };
  if (handsOut) changedSinceSeal.set(aggregates, new Set());
  return aggregates;
}

/** The tracked aggregate of an event, created on its first event (and made whole again if it was trimmed); the caller evolves its state. */
function trackedOf(map: Map<string, Tracked<unknown>>, id: string, kit: ReplayKit, event: RecordedEvent): Tracked<unknown> {
  let tracked = map.get(id);
  if (tracked === undefined) {
    tracked = { state: kit.fresh(), trimmed: false, firstPosition: event.position, lastPosition: event.position, lastAt: event.meta.occurredAt, version: event.version };
    map.set(id, tracked);
    return tracked;
  }
  tracked.lastPosition = event.position;
  tracked.lastAt = event.meta.occurredAt;
  tracked.version = event.version;
  if (tracked.trimmed) {
    tracked.state = Object.assign(kit.fresh() as object, tracked.state);
    tracked.trimmed = false;
  }
  return tracked;
}

/**
 * Under `readiness` retention, trims a finished item to the fields its trimming keeps: an
 * object holding just those, reading every other field from an initial state (never
 * changed: the next event makes the item whole again before evolving it).
 */
function trimIfFinished(aggregates: Aggregates, tracked: Tracked<unknown>, wiring: AnyWiring, kit: ReplayKit): void {
  const trimming = wiring.trimming;
  if (aggregates.retention === "everything" || trimming === undefined || !trimming.finished(tracked.state)) return;
  tracked.state = Object.assign(Object.create(kit.trimmedBase) as object, trimming.kept(tracked.state));
  tracked.trimmed = true;
}

/**
 * Applies one event to its aggregate with the process's own `evolve` recipe: in place, on a
 * plain mutable state only the replay sees, or (once it was sealed and handed out) on an
 * immer copy. Configuration events (the CMDB's) and types no process defines are left to
 * others; `wiring` is the event's (`wiringOfType`).
 */
export function applyToAggregates(aggregates: Aggregates, event: RecordedEvent, wiring: AnyWiring | undefined = wiringOfType(event.type)): void {
  if (wiring === undefined || wiring.inCmdb === true) return;
  const map = aggregates.of(wiring.descriptor.name as ProcessName) as Map<string, Tracked<unknown>>;
  const kit = kitOf(wiring);
  const tracked = trackedOf(map, aggregateIdOf(wiring, event), kit, event);
  const { decider } = wiring.descriptor;
  if (Object.isFrozen(tracked.state)) tracked.state = evolveWithImmer(decider, tracked.state, [event]);
  else decider.evolve(tracked.state as Draft<unknown>, event);
  changedSinceSeal.get(aggregates)?.add(tracked);
  trimIfFinished(aggregates, tracked, wiring, kit);
}
