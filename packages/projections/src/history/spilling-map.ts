import { LogError, type SpillStore } from "@handover/core";
import type { Tracked } from "./aggregates.js";

/** What the map holds in place of an item it spilled: the item keeps its place in the order, its state is in the spill store. */
const SPILLED: Tracked<unknown> = Object.freeze({ state: undefined, trimmed: false, firstPosition: 0, lastPosition: 0, lastAt: "", version: 0 });

/**
 * One process's aggregates when a replay spills its finished items: a `Map` that, at each
 * `spillFinished`, holds the items touched since and now finished among the `keepRecent`
 * most recently finished, and writes the oldest beyond those to the spill store, keeping
 * only their place; any item asked for again (a later event on it, a rule that names it)
 * is read back whole, and spilled again once it is finished and among the oldest. Iterating
 * reads every spilled item back.
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
  /** Items read back and not spilled again yet, with the position of their latest event then: one no event reached since is still as spilled. */
  readonly #readBack = new Map<string, number>();

  constructor(spill: SpillStore, process: string, finished: (state: unknown) => boolean, keepRecent: number) {
    super();
    this.#spill = spill;
    this.#prefix = `${process}:`;
    this.#finished = finished;
    this.#keepRecent = keepRecent;
  }

  /** Moves the items touched since the last call that are now finished to the most recent end, then spills the oldest beyond `keepRecent`. */
  spillFinished(): void {
    for (const id of this.#touched) {
      const tracked = super.get(id);
      this.#recent.delete(id);
      if (tracked !== undefined && tracked !== SPILLED && this.#finished(tracked.state)) this.#recent.add(id);
    }
    this.#touched.clear();
    for (const id of this.#recent) {
      if (this.#recent.size <= this.#keepRecent) break;
      this.#recent.delete(id);
      const tracked = super.get(id) as Tracked<unknown>;
      // Only an event changes an item, and every event moves its lastPosition: an item only read since it was spilled is still as spilled.
      if (this.#readBack.get(id) !== tracked.lastPosition) this.#spill.put(this.#prefix + id, JSON.stringify(tracked));
      this.#readBack.delete(id);
      super.set(id, SPILLED);
    }
  }

  /** How many items are spilled now. */
  spilledCount(): number {
    let count = 0;
    for (const tracked of super.values()) if (tracked === SPILLED) count++;
    return count;
  }

  override get(id: string): Tracked<unknown> | undefined {
    const tracked = super.get(id);
    if (tracked === undefined) return undefined;
    this.#touched.add(id);
    if (tracked !== SPILLED) return tracked;
    const text = this.#spill.get(this.#prefix + id);
    if (text === undefined) throw new LogError("spill_lost", `the spill store lost ${this.#prefix + id}: a spilled item was not read back`);
    const restored = JSON.parse(text) as Tracked<unknown>;
    this.#readBack.set(id, restored.lastPosition);
    super.set(id, restored);
    return restored;
  }

  override set(id: string, tracked: Tracked<unknown>): this {
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
    for (const id of super.keys()) yield [id, this.get(id) as Tracked<unknown>];
  }

  override [Symbol.iterator](): MapIterator<[string, Tracked<unknown>]> {
    return this.entries();
  }

  override *values(): MapIterator<Tracked<unknown>> {
    for (const [, tracked] of this.entries()) yield tracked;
  }

  override forEach(callback: (tracked: Tracked<unknown>, id: string, map: Map<string, Tracked<unknown>>) => void, thisArg?: unknown): void {
    for (const [id, tracked] of this.entries()) callback.call(thisArg, tracked, id, this);
  }
}
