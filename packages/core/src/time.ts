import { left, right, type Either } from "fp-ts/lib/Either.js";
import { describeValue } from "./describe-value.js";

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Normalises an ISO-8601 date-time with a zone (`Z` or an offset) to the canonical UTC
 * form `YYYY-MM-DDTHH:mm:ss.sssZ`, so stored times compare as strings.
 */
export function toUtcIso(value: unknown): Either<string, string> {
  if (typeof value !== "string") return left(`expected an ISO-8601 date-time, got ${describe(value)}`);
  if (isCanonicalUtc(value)) return right(value);
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

/**
 * True when a string is already canonical UTC (`YYYY-MM-DDTHH:mm:ss.sssZ`) and a real
 * instant, so normalising it would return it unchanged: checked digit by digit, without
 * the regex, `Date.parse` and `toISOString` that cost more than the rest of an append's
 * meta check. Years before 1000, hour 24 and anything unusual take the general path.
 */
function isCanonicalUtc(value: string): boolean {
  return value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && hasCanonicalShape(value) && isRealCanonicalInstant(value);
}

function hasCanonicalShape(value: string): boolean {
  for (let index = 0; index < 23; index++) {
    const code = value.charCodeAt(index);
    const separator = CANONICAL_SEPARATORS[index];
    if (separator === undefined ? code < 48 || code > 57 : code !== separator) return false;
  }
  return true;
}

function isRealCanonicalInstant(value: string): boolean {
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  return digits(value, 11, 2) < 24 && digits(value, 14, 2) < 60 && digits(value, 17, 2) < 60;
}

/** The separator each position of `YYYY-MM-DDTHH:mm:ss.sss` must hold (undefined: a digit). */
const CANONICAL_SEPARATORS: readonly (number | undefined)[] = [...Array(23)].map((_, index) =>
  ({ 4: 45, 7: 45, 10: 84, 13: 58, 16: 58, 19: 46 } as Record<number, number>)[index],
);

function digits(value: string, from: number, count: number): number {
  let number = 0;
  for (let index = from; index < from + count; index++) number = number * 10 + value.charCodeAt(index) - 48;
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function calendarDateExists(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function describe(value: unknown): string {
  return describeValue(value);
}
