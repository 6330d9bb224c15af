import type { LogRange } from "./event-store.js";

/** The positions a read checked past a store's checked mark, to be recorded as checked. */
export interface CheckedExtension {
  readonly from: number;
  readonly to: number;
}

/**
 * The rule both durable stores follow when a read moves their checked-rows mark: a page
 * of a read with no time filter (so its rows come in every position, in order) that
 * checked rows past the mark (positions may come as strings, as bigints do from a driver), starting at or before the row after it, continues the
 * mark to the page's last row. Any other page (a time-filtered read, a page starting
 * past the mark, a page wholly under it, an empty page) moves nothing, since a gap left
 * unchecked must never be marked checked.
 */
export function checkedMarkExtension(range: LogRange, page: readonly { readonly position: string | number }[], through: number): CheckedExtension | undefined {
  if (range.until !== undefined || range.recordedUntil !== undefined) return undefined;
  const first = page[0];
  const last = page[page.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const firstPosition = Number(first.position);
  const lastPosition = Number(last.position);
  if (lastPosition <= through || firstPosition > through + 1) return undefined;
  return { from: through + 1, to: lastPosition };
}
