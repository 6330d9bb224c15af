/** How big a workload is: how many streams, and how many commands or events each. */
export interface Size {
  readonly streams: number;
  readonly perStream: number;
}

/** The size a smoke test uses: every workload, tiny. */
export const QUICK_SIZE: Size = Object.freeze({ streams: 3, perStream: 24 });

/** A workload's full size scaled by a factor (streams only, so each stream keeps its realistic length). */
export function scaleSize(full: Size, factor: number): Size {
  return { streams: Math.max(2, Math.round(full.streams * factor)), perStream: full.perStream };
}

/** The total number of commands or events of a size. */
export function totalOf(size: Size): number {
  return size.streams * size.perStream;
}
