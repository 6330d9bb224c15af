/** The median, smallest and largest of a set of figures. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median: no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** Median, min and max of a non-empty list. */
export function spreadOf(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Ratios taken pair by pair: run `i` of the subject against run `i` of the baseline, which
 * ran right next to it, so a machine that slows down for a while moves both sides. A run
 * that failed on either side (null) leaves its pair out.
 */
export function pairwiseRatios(subject: readonly (number | null)[], baseline: readonly (number | null)[]): number[] {
  const ratios: number[] = [];
  subject.forEach((own, index) => {
    const other = baseline[index];
    if (own !== null && other !== null && other !== undefined) ratios.push(own / other);
  });
  return ratios;
}
