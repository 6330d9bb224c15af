/**
 * Marks lists of events known to be frozen all the way down (the list, each envelope, its
 * data and meta): the pages the in-memory store hands out. The mark is a property keyed by
 * a symbol no other module holds, set before the list is frozen, so it cannot be forged or
 * added to a list later; setting it costs next to nothing, where a `WeakSet` entry cost
 * more than the freezing a fold then saves.
 */
const DEEPLY_FROZEN: unique symbol = Symbol("handover.deeplyFrozen");

type MarkedPage = { [DEEPLY_FROZEN]?: true };

/** Freezes a list whose every item is already deeply frozen, and marks it as such. */
export function markDeeplyFrozen<T>(page: T[]): readonly T[] {
  (page as T[] & MarkedPage)[DEEPLY_FROZEN] = true;
  return Object.freeze(page);
}

/** Whether a list was marked by `markDeeplyFrozen`: a fold need not freeze its items again. */
export function isDeeplyFrozen(page: readonly unknown[]): boolean {
  return (page as readonly unknown[] & MarkedPage)[DEEPLY_FROZEN] === true;
}
