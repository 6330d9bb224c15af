import { LogError, type SpillStore } from "@handover/core";
import type { Companion, Tracked } from "./aggregates.js";

/** A spilled item as the spill store keeps it: the item, and what its companion took of other state with it. */
interface Spilled {
  readonly item: Tracked<unknown>;
  /** What each companion took, in the order they were given (`null`: nothing). */
  readonly taken?: readonly unknown[];
}

/** What the companions took of an item, as text to compare ("" for nothing). */
function textOf(taken: readonly unknown[] | undefined): string {
  return taken === undefined ? "" : JSON.stringify(taken);
}

/**
 * One process's aggregates when a replay spills its finished items: a `Map` that, at each
 * `spillFinished`, holds the items touched since and now finished among the `keepRecent`
 * most recently finished, and moves the oldest beyond those to the spill store, keeping
 * nothing of them in memory, not even their ids (so memory follows the open work, not the
 * log); any item asked for again (a later event on it, a rule that names it) is read back
 * whole, and spilled again once it is finished and among the oldest. An id it does not hold
 * is looked up in the spill store. Iterating reads every spilled item back and yields every
 * item in the order it first appeared (by its first event's position), as a `Map` would.
 */
export class SpillingMap extends Map<string, Tracked<unknown>> {
  readonly #spill: SpillStore;
  readonly #prefix: string;
  readonly #finished: (state: unknown) => boolean;
  readonly #keepRecent: number;
  /** Ids read or written since the last `spillFinished`. */
  readonly #touched = new Set<string>();
  /** Finished items still held in memory, the least recently touched first. */
  readonly #recent = new Set<string>();
  /** Items read back and not spilled again yet: the position of their latest event then, and the JSON of what the companions took with them. */
  readonly #readBack = new Map<string, { readonly lastPosition: number; readonly takenText: string }>();
  /** How many items are in the spill store and not in memory. */
  #spilled = 0;
  /** What other state keeps of these items, spilled and read back with them. */
  readonly #companions: Companion[] = [];
  /** The last id `get` found neither in memory nor spilled: a `set` of it that follows is a new item, not one to look up again. */
  #absent: string | undefined;

  /** Makes an item read back what it was before it was spilled, where JSON alone does not (a trimmed item's prototype). */
  readonly #revive: (tracked: Tracked<unknown>) => void;

  constructor(spill: SpillStore, process: string, finished: (state: unknown) => boolean, keepRecent: number, revive: (tracked: Tracked<unknown>) => void = () => undefined) {
    super();
    this.#revive = revive;
    this.#spill = spill;
    this.#prefix = `${process}:`;
    this.#finished = finished;
    this.#keepRecent = keepRecent;
  }

  /** Spills and reads back, with each item, what this companion keeps of it. */
  accompany(companion: Companion): void {
    this.#companions.push(companion);
  }

  /** What the companions take of an item being spilled, or undefined when none takes anything. */
  #take(id: string): unknown[] | undefined {
    let taken: unknown[] | undefined;
    for (let index = 0; index < this.#companions.length; index++) {
      const entries = (this.#companions[index] as Companion).take(id);
      if (entries === undefined) continue;
      taken ??= this.#companions.map(() => null);
      taken[index] = entries;
    }
    return taken;
  }

  /** Moves the items touched since the last call that are now finished to the most recent end, then spills the oldest beyond `keepRecent`. */
  spillFinished(): void {
    if (this.#touched.size > 0) {
      for (const id of this.#touched) {
        const tracked = super.get(id);
        this.#recent.delete(id);
        if (tracked !== undefined && this.#finished(tracked.state)) this.#recent.add(id);
      }
      this.#touched.clear();
    }
    // Checked before iterating: a set's iteration walks past the slots of the ids deleted from its front (up to as many as it holds) until it next rehashes, which, done on every event, cost more than the spill itself.
    if (this.#recent.size <= this.#keepRecent) return;
    for (const id of this.#recent) {
      if (this.#recent.size <= this.#keepRecent) break;
      this.#recent.delete(id);
      const tracked = super.get(id) as Tracked<unknown>;
      const taken = this.#take(id);
      // Only an event changes an item, and every event moves its lastPosition: an item only read since it was spilled, whose companions' entries did not change either, is still as spilled.
      const readBack = this.#readBack.get(id);
      if (readBack?.lastPosition !== tracked.lastPosition || readBack.takenText !== textOf(taken)) {
        const spilled: Spilled = taken === undefined ? { item: tracked } : { item: tracked, taken };
        this.#spill.put(this.#prefix + id, JSON.stringify(spilled));
      }
      this.#readBack.delete(id);
      super.delete(id);
      this.#spilled++;
    }
  }

  /** How many items are spilled now. */
  spilledCount(): number {
    return this.#spilled;
  }

  override get size(): number {
    return super.size + this.#spilled;
  }

  override has(id: string): boolean {
    return super.has(id) || (this.#spilled > 0 && this.#spill.get(this.#prefix + id) !== undefined);
  }

  override get(id: string): Tracked<unknown> | undefined {
    const tracked = super.get(id);
    if (tracked !== undefined) {
      this.#touched.add(id);
      return tracked;
    }
    const text = this.#spilled === 0 ? undefined : this.#spill.get(this.#prefix + id);
    if (text !== undefined) return this.#restore(id, text);
    this.#absent = id;
    return undefined;
  }

  override set(id: string, tracked: Tracked<unknown>): this {
    // An id neither held nor just found absent may be spilled: its copy there is replaced by this one.
    if (id !== this.#absent && !super.has(id) && this.#spilled > 0 && this.#spill.get(this.#prefix + id) !== undefined) this.#spilled--;
    this.#absent = undefined;
    this.#touched.add(id);
    return super.set(id, tracked);
  }

  override delete(id: string): boolean {
    throw new TypeError(`a replay never removes an aggregate (asked to remove ${id})`);
  }

  override clear(): void {
    throw new TypeError("a replay never removes its aggregates");
  }

  override *entries(): MapIterator<[string, Tracked<unknown>]> {
    if (this.#spilled > 0) this.#restoreAll();
    const all = [...super.entries()].sort(([, a], [, b]) => a.firstPosition - b.firstPosition);
    for (const [id] of all) yield [id, this.get(id) as Tracked<unknown>];
  }

  override [Symbol.iterator](): MapIterator<[string, Tracked<unknown>]> {
    return this.entries();
  }

  override *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  override *values(): MapIterator<Tracked<unknown>> {
    for (const [, tracked] of this.entries()) yield tracked;
  }

  override forEach(callback: (tracked: Tracked<unknown>, id: string, map: Map<string, Tracked<unknown>>) => void, thisArg?: unknown): void {
    for (const [id, tracked] of this.entries()) callback.call(thisArg, tracked, id, this);
  }

  /** Reads a spilled item back into memory, where it stays until it is spilled again. */
  #restore(id: string, text: string): Tracked<unknown> {
    const { item: restored, taken } = JSON.parse(text) as Spilled;
    this.#revive(restored);
    if (taken !== undefined) taken.forEach((entries, index) => entries !== null && this.#companions[index]?.give(id, entries));
    this.#readBack.set(id, { lastPosition: restored.lastPosition, takenText: textOf(taken) });
    this.#spilled--;
    this.#touched.add(id);
    super.set(id, restored);
    return restored;
  }

  /** Reads every spilled item back; the store must hold every one this map spilled and did not read back. */
  #restoreAll(): void {
    const spilled = [...this.#spill.entries(this.#prefix)].filter(([key]) => !super.has(key.slice(this.#prefix.length)));
    if (spilled.length !== this.#spilled) {
      throw new LogError("spill_lost", `the spill store holds ${spilled.length} of the ${this.#spilled} ${this.#prefix.slice(0, -1)} items spilled and not read back: spilled items were lost`);
    }
    for (const [key, text] of spilled) this.#restore(key.slice(this.#prefix.length), text);
  }
}
