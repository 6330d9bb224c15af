/**
 * The releases in production now, each with the position of the event that put it there,
 * and which of them went there last (the one the production_release check judges), answered
 * in constant time (amortised) so a readiness timeline can ask after every event. A stack of
 * ids in the order they went to production: the latest is its top once the ids that left
 * production since are popped.
 */
export class ProductionReleases {
  private readonly positionOf = new Map<string, number>();
  private readonly order: string[] = [];

  /** How many releases are in production. */
  get size(): number {
    return this.positionOf.size;
  }

  /** Whether a release is in production. */
  has(releaseId: string): boolean {
    return this.positionOf.has(releaseId);
  }

  /** Puts a release in production at a position (a release already there keeps its position). */
  add(releaseId: string, position: number): void {
    if (this.positionOf.has(releaseId)) return;
    this.positionOf.set(releaseId, position);
    this.order.push(releaseId);
  }

  /** Takes a release out of production (rolled back). */
  delete(releaseId: string): void {
    this.positionOf.delete(releaseId);
  }

  /** The release that went to production last of those there now, with its position; undefined when none is. */
  latest(): { readonly releaseId: string; readonly position: number } | undefined {
    for (;;) {
      const releaseId = this.order.at(-1);
      if (releaseId === undefined) return undefined;
      const position = this.positionOf.get(releaseId);
      if (position !== undefined) return { releaseId, position };
      this.order.pop();
    }
  }

  /** The releases in production with their positions, in the order they went there. */
  entries(): IterableIterator<[string, number]> {
    return this.positionOf.entries();
  }
}
