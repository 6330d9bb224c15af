import { parseInstant, toUtcIso } from "@handover/core";
import type { MetricsPeriod } from "./figure.js";
import { weeksBetween } from "./weeks.js";

const EPOCH = "1970-01-01T00:00:00.000Z";

/** The first moment a person means by a time: a date is the start of that day (UTC). */
function start(value: string, field: string): string {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? toUtcIso(`${value}T00:00:00Z`) : toUtcIso(value);
  if (parsed._tag === "Left") throw new RangeError(`${field}: ${parsed.left}`);
  return parsed.right;
}

/** The last moment a person means by a time: a date is the end of that day (UTC). */
function end(value: string, field: string): string {
  const parsed = parseInstant(value);
  if (parsed._tag === "Left") throw new RangeError(`${field}: ${parsed.left}`);
  return parsed.right;
}

const earlier = (a: string, b: string | undefined): string => (b !== undefined && b < a ? b : a);

/**
 * The period figures cover: `from` and `to` as asked, else the first business time in the
 * view and the view's end (`until`, else the last business time in it); never past
 * `limit`, the latest moment the view holds (a period cannot measure what the view does
 * not hold, and rates per week would count weeks it cannot see). A `from` after `to` as
 * asked is a programmer error (parse user input first): RangeError.
 */
export function periodOf(options: { readonly from?: string; readonly to?: string }, until: string | undefined, first: string | undefined, last: string | undefined, limit?: string): MetricsPeriod {
  const asked = options.to !== undefined ? end(options.to, "to") : (until ?? last ?? EPOCH);
  const askedFrom = options.from !== undefined ? start(options.from, "from") : undefined;
  if (askedFrom !== undefined && askedFrom > asked) throw new RangeError(`from: ${askedFrom} is after to: ${asked}`);
  const to = earlier(asked, limit);
  const from = askedFrom !== undefined ? earlier(askedFrom, to) : first !== undefined && first < to ? first : to;
  return { from, to, weeks: weeksBetween(from, to) };
}
