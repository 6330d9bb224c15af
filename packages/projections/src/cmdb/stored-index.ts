import { freezeCi } from "./freeze-ci.js";
import type { CmdbCi } from "./types.js";
import type { MutableCi } from "./state.js";

/** Where the records of a stored CMDB snapshot come from: one by id, or all in registration order; each decoded and frozen. */
export interface StoredCis {
  /** How many records the snapshot holds. */
  readonly size: number;
  /** One record, decoded afresh (the index freezes it before sharing it), or undefined when the snapshot has none by that id. */
  get(ciId: string): CmdbCi | undefined;
  /** Every record in registration order, `[ciId, decode]`: call `decode` for the record, decoded afresh. */
  all(): Iterable<readonly [string, () => CmdbCi]>;
}

type Held = CmdbCi | MutableCi;

/**
 * The CMDB's index of records when it resumes from a stored snapshot: a `Map` that holds
 * what was read or changed since, and reads any other record from the snapshot when first
 * asked for it, so a query decodes the records it touches rather than the whole snapshot.
 * Iterating decodes every record (registration order: the snapshot's, then those
 * registered after it). Records are never removed from a CMDB, so `delete` and `clear`
 * refuse.
 */
export class StoredCiIndex extends Map<string, Held> {
  readonly #stored: StoredCis;
  /** Ids the snapshot was asked for and does not hold. */
  readonly #absent: Set<string>;
  /** Ids registered after the snapshot, in registration order. */
  readonly #added: string[];
  /** Records decoded while the index was its state's own, not frozen yet: the state may change them in place, no copy needed. */
  readonly #decoded: CmdbCi[] = [];

  constructor(stored: StoredCis, from?: StoredCiIndex) {
    super();
    this.#stored = stored;
    this.#absent = new Set(from === undefined ? [] : from.#absent);
    this.#added = from === undefined ? [] : [...from.#added];
    if (from !== undefined) Map.prototype.forEach.call(from, (record: Held, ciId: string) => super.set(ciId, record));
  }

  /** A writable copy that shares the snapshot and every record read so far (copy on write of the index). */
  copy(): StoredCiIndex {
    return new StoredCiIndex(this.#stored, this);
  }

  /** Freezes the records decoded since the last call: before the index is shared with an answer or a snapshot. */
  freezeDecoded(): void {
    for (const record of this.#decoded) freezeCi(record);
    this.#decoded.length = 0;
  }

  /** A record just decoded, as this index holds it: frozen when the index is shared, else left for its state to change in place. */
  #hold(ciId: string, record: CmdbCi): Held {
    if (Object.isFrozen(this)) freezeCi(record);
    else this.#decoded.push(record);
    super.set(ciId, record);
    return record;
  }

  override get(ciId: string): Held | undefined {
    const held = super.get(ciId);
    if (held !== undefined || this.#absent.has(ciId)) return held;
    const stored = this.#stored.get(ciId);
    if (stored === undefined) {
      this.#absent.add(ciId);
      return undefined;
    }
    return this.#hold(ciId, stored);
  }

  override has(ciId: string): boolean {
    return this.get(ciId) !== undefined;
  }

  override set(ciId: string, record: Held): this {
    if (this.get(ciId) === undefined) {
      this.#added.push(ciId);
      this.#absent.delete(ciId);
    }
    return super.set(ciId, record);
  }

  override get size(): number {
    return this.#stored.size + this.#added.length;
  }

  override delete(ciId: string): boolean {
    throw new TypeError(`the CMDB never removes a CI (asked to remove ${ciId})`);
  }

  override clear(): void {
    throw new TypeError("the CMDB never removes its CIs");
  }

  override *entries(): MapIterator<[string, Held]> {
    for (const [ciId, decode] of this.#stored.all()) {
      yield [ciId, super.get(ciId) ?? this.#hold(ciId, decode())];
    }
    for (const ciId of this.#added) yield [ciId, super.get(ciId) as Held];
  }

  override [Symbol.iterator](): MapIterator<[string, Held]> {
    return this.entries();
  }

  override *keys(): MapIterator<string> {
    for (const [ciId] of this.entries()) yield ciId;
  }

  override *values(): MapIterator<Held> {
    for (const [, record] of this.entries()) yield record;
  }

  override forEach(callback: (record: Held, ciId: string, map: Map<string, Held>) => void, thisArg?: unknown): void {
    for (const [ciId, record] of this.entries()) callback.call(thisArg, record, ciId, this);
  }
}
