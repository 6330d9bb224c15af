import { median, nearestRank } from "../reports/incident-summary.js";
import { weekOf, weeksIn } from "./weeks.js";

/**
 * What a figure measures: a `count` of things, a `share` (0 to 1) of things that match,
 * a duration in `minutes` (mean, with median and 90th percentile), an `average` of counts,
 * a rate `per_week`, or a `score` (0 to 100).
 */
export type FigureUnit = "count" | "share" | "minutes" | "average" | "per_week" | "score";

/** One thing a figure counts: when it falls (business time), its value (1 or 0 for a share, minutes for a duration) and the events that show it. */
export interface Observation {
  readonly at: string;
  readonly value: number;
  readonly evidence: readonly number[];
}

/** The period the figures cover (business time, both ends included) and its weeks (each week's Monday). */
export interface MetricsPeriod {
  readonly from: string;
  readonly to: string;
  readonly weeks: readonly string[];
}

/** A figure for one week of the period: its value (null when there was nothing to measure) and how many things it was computed from. */
export interface WeekPoint {
  readonly week: string;
  readonly value: number | null;
  readonly count: number;
}

/** One figure over the period, with the positions of the events it was computed from and its weekly series. */
export interface Figure {
  readonly unit: FigureUnit;
  /** The figure over the whole period; null when there was nothing to measure. */
  readonly value: number | null;
  /** How many things it was computed from (the denominator of a share, the sample of a duration). */
  readonly count: number;
  /** A share's numerator: the things that match (value above 0). */
  readonly matching?: number;
  /** A duration's median and 90th percentile (nearest rank), in minutes. */
  readonly median?: number | null;
  readonly p90?: number | null;
  /** Positions of every event the figure was computed from, in log order. */
  readonly evidence: readonly number[];
  /** A share's matching things' positions (the failures, breaches or emergencies it counts). */
  readonly matchingEvidence?: readonly number[];
  readonly weekly: readonly WeekPoint[];
}

const positionsOf = (observations: readonly Observation[]): number[] => [...new Set(observations.flatMap((each) => each.evidence))].sort((a, b) => a - b);

function valueOf(unit: FigureUnit, observations: readonly Observation[], weeks: number): number | null {
  const count = observations.length;
  switch (unit) {
    case "count":
      return count;
    case "per_week":
      return count / weeks;
    default:
      return count === 0 ? null : observations.reduce((sum, each) => sum + each.value, 0) / count;
  }
}

/** The observations that fall in the period. */
export function inPeriod(observations: readonly Observation[], period: MetricsPeriod): Observation[] {
  return observations.filter((each) => each.at >= period.from && each.at <= period.to);
}

/**
 * A figure from its observations: those in the period, counted, averaged or rated per week
 * as its unit says, with evidence, a share's matching things, a duration's median and
 * 90th percentile, and the same figure for each week of the period (a rate per week is the week's count).
 */
export function figureOf(unit: Exclude<FigureUnit, "score">, observations: readonly Observation[], period: MetricsPeriod): Figure {
  const counted = inPeriod(observations, period);
  const byWeek = new Map<string, Observation[]>();
  for (const each of counted) {
    const week = weekOf(each.at);
    byWeek.set(week, [...(byWeek.get(week) ?? []), each]);
  }
  const weekly = period.weeks.map((week): WeekPoint => {
    const those = byWeek.get(week) ?? [];
    return { week, value: valueOf(unit === "per_week" ? "count" : unit, those, 1), count: those.length };
  });
  const figure: Figure = { unit, value: valueOf(unit, counted, weeksIn(period.from, period.to)), count: counted.length, evidence: positionsOf(counted), weekly };
  if (unit === "share") {
    const matching = counted.filter((each) => each.value > 0);
    return { ...figure, matching: matching.length, matchingEvidence: positionsOf(matching) };
  }
  if (unit === "minutes") {
    const sorted = counted.map((each) => each.value).sort((a, b) => a - b);
    return { ...figure, median: median(sorted), p90: nearestRank(sorted, 90) };
  }
  return figure;
}
