/**
 * Log positions kept in ascending order in one growable typed array: eight bytes a position
 * where a map from id to position holds the id's string and an entry besides. For evidence
 * that grows with the log (every SLA breach a readiness check cites), so a long audit's
 * memory grows by the positions alone. Adding at the end is constant time (replays add in
 * log order); adding elsewhere and deleting move the positions after it.
 */
export class SortedPositions implements Iterable<number> {
  private positions = new Float64Array(16);
  private count = 0;

  /** How many positions are kept. */
  get size(): number {
    return this.count;
  }

  /** Keeps a position (once: a position already kept is left as it is). */
  add(position: number): void {
    const at = this.indexOf(position);
    if (at < this.count && this.positions[at] === position) return;
    if (this.count === this.positions.length) this.grow();
    this.positions.copyWithin(at + 1, at, this.count);
    this.positions[at] = position;
    this.count++;
  }

  /** Drops a position; true if it was kept. */
  delete(position: number): boolean {
    const at = this.indexOf(position);
    if (at === this.count || this.positions[at] !== position) return false;
    this.positions.copyWithin(at, at + 1, this.count);
    this.count--;
    return true;
  }

  /** Whether a position is kept. */
  has(position: number): boolean {
    const at = this.indexOf(position);
    return at < this.count && this.positions[at] === position;
  }

  /** The positions, ascending. */
  *values(): IterableIterator<number> {
    for (let index = 0; index < this.count; index++) yield this.positions[index] as number;
  }

  [Symbol.iterator](): IterableIterator<number> {
    return this.values();
  }

  /** Where a position is or would go: the first index whose position is not below it (the end, at once, for a position past the last). */
  private indexOf(position: number): number {
    if (this.count === 0 || (this.positions[this.count - 1] as number) < position) return this.count;
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.positions[middle] as number) < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private grow(): void {
    const larger = new Float64Array(this.positions.length * 2);
    larger.set(this.positions);
    this.positions = larger;
  }
}
