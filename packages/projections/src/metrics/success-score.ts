import type { Figure, MetricsPeriod, WeekPoint } from "./figure.js";

/** The parts of the change success score, each a share from 0 to 1 where 1 is best. */
export const SUCCESS_SCORE_PARTS = ["implementation", "incidentFree", "authorisedCiChanges", "reviews", "planned"] as const;
/** A part of the change success score. */
export type SuccessScorePart = (typeof SUCCESS_SCORE_PARTS)[number];

/** How much each part weighs in the change success score; any non-negative numbers (they are normalised). */
export type SuccessScoreWeights = Readonly<Record<SuccessScorePart, number>>;

/**
 * The default weights: implementations that succeeded 40, implemented changes that caused
 * no incident 20, CI changes made under an authorised change 20, post-implementation
 * reviews that found the change successful 10, changes that were not emergencies 10.
 */
export const DEFAULT_SUCCESS_SCORE_WEIGHTS: SuccessScoreWeights = Object.freeze({ implementation: 40, incidentFree: 20, authorisedCiChanges: 20, reviews: 10, planned: 10 });

/** Fills in default weights and refuses a weight that is negative or not a number, or all weights zero (a programmer error: RangeError). */
export function resolveWeights(weights: Partial<SuccessScoreWeights> = {}): SuccessScoreWeights {
  const resolved = { ...DEFAULT_SUCCESS_SCORE_WEIGHTS, ...weights };
  for (const part of SUCCESS_SCORE_PARTS) {
    const weight = resolved[part];
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`weights.${part}: expected a number 0 or more, got ${weight}`);
  }
  if (SUCCESS_SCORE_PARTS.every((part) => resolved[part] === 0)) throw new RangeError("weights: at least one part needs a weight above 0");
  return Object.freeze(resolved);
}

/** The weighted mean of the parts that have a value, times 100; null when none has one. */
function weighted(values: Readonly<Record<SuccessScorePart, number | null>>, weights: SuccessScoreWeights): number | null {
  let sum = 0;
  let total = 0;
  for (const part of SUCCESS_SCORE_PARTS) {
    const value = values[part];
    if (value === null || weights[part] === 0) continue;
    sum += weights[part] * value;
    total += weights[part];
  }
  return total === 0 ? null : (100 * sum) / total;
}

/**
 * The change success score from its parts: the weighted mean of the parts that had
 * something to measure (a part with nothing is left out and the rest renormalised), on a
 * scale of 0 to 100, over the period and for each week; its evidence is all of the parts'.
 */
export function successScore(parts: Readonly<Record<SuccessScorePart, Figure>>, weights: SuccessScoreWeights, period: MetricsPeriod): Figure {
  const valuesAt = (pick: (figure: Figure) => number | null) => Object.fromEntries(SUCCESS_SCORE_PARTS.map((part) => [part, pick(parts[part])])) as Record<SuccessScorePart, number | null>;
  const weekly = period.weeks.map((week, index): WeekPoint => {
    const points = SUCCESS_SCORE_PARTS.map((part) => parts[part].weekly[index]);
    return { week, value: weighted(valuesAt((figure) => figure.weekly[index]?.value ?? null), weights), count: points.reduce((sum, point) => sum + (point?.count ?? 0), 0) };
  });
  const evidence = [...new Set(SUCCESS_SCORE_PARTS.flatMap((part) => parts[part].evidence))].sort((a, b) => a - b);
  const count = SUCCESS_SCORE_PARTS.reduce((sum, part) => sum + parts[part].count, 0);
  return { unit: "score", value: weighted(valuesAt((figure) => figure.value), weights), count, evidence, weekly };
}
