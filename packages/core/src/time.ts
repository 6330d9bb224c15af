import { left, right, type Either } from "fp-ts/lib/Either.js";

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Normalises an ISO-8601 date-time with a zone (`Z` or an offset) to the canonical UTC
 * form `YYYY-MM-DDTHH:mm:ss.sssZ`, so stored times compare as strings.
 */
export function toUtcIso(value: unknown): Either<string, string> {
  if (typeof value !== "string") return left(`expected an ISO-8601 date-time, got ${describe(value)}`);
  const match = ISO_DATE_TIME.exec(value);
  if (match === null) return left(`expected an ISO-8601 date-time with a zone, like 2026-03-12T09:30:00Z, got ${describe(value)}`);
  const millis = Date.parse(value);
  if (Number.isNaN(millis) || !calendarDateExists(match)) return left(`${describe(value)} is not a real date-time`);
  return right(new Date(millis).toISOString());
}

/**
 * Reads a point in time as a person writes it: a date-time with a zone, or a date,
 * which means the end of that day in UTC ("as of 12 March" includes all of 12 March).
 */
export function parseInstant(value: string): Either<string, string> {
  const date = ISO_DATE.exec(value);
  if (date === null) return toUtcIso(value);
  const endOfDay = `${value}T23:59:59.999Z`;
  if (Number.isNaN(Date.parse(endOfDay)) || !calendarDateExists(date)) return left(`"${value}" is not a real date`);
  return right(endOfDay);
}

/** Milliseconds between two ISO times (`to - from`). */
export function millisBetween(from: string, to: string): number {
  return Date.parse(to) - Date.parse(from);
}

function calendarDateExists(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
