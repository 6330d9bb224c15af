import { left, right, type Either } from "fp-ts/lib/Either.js";

/** The value ServiceNow exports write for "no value". */
export const NO_VALUE = "?";

const DATE = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/;
const LEVEL = /^(\d+)(?:\s*-\s*.*)?$/;
const COUNT = /^\d+$/;

/** A field's value, or null for `?` or an empty field. */
export function optionalText(value: string): string | null {
  return value === NO_VALUE || value.trim() === "" ? null : value;
}

/** Reads `DD-MM-YYYY HH:mm` (no zone: read as UTC) as an ISO-8601 UTC time; refuses dates that do not exist. */
export function parseSourceTime(value: string): Either<string, string> {
  const match = DATE.exec(value);
  if (match === null) return left(`expected a date like 29-02-2016 01:23 (DD-MM-YYYY HH:mm), got ${JSON.stringify(value)}`);
  const [day, month, year, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  const millis = Date.UTC(year, month - 1, day, hours, minutes);
  const date = new Date(millis);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || hours > 23 || minutes > 59) {
    return left(`${JSON.stringify(value)} is not a real date and time`);
  }
  return right(date.toISOString());
}

/** Reads an optional source time: null for `?`. */
export function parseOptionalSourceTime(value: string): Either<string, string | null> {
  return optionalText(value) === null ? right(null) : parseSourceTime(value);
}

/** Reads a level such as `2 - Medium` (impact, urgency, priority) as its number. */
export function parseLevel(value: string): Either<string, number> {
  const match = LEVEL.exec(value.trim());
  const level = match === null ? Number.NaN : Number(match[1]);
  return Number.isInteger(level) && level >= 1 ? right(level) : left(`expected a level like "2 - Medium", got ${JSON.stringify(value)}`);
}

/** Reads a count (0, 1, 2, ...). */
export function parseCount(value: string): Either<string, number> {
  return COUNT.test(value.trim()) ? right(Number(value)) : left(`expected a whole number (0, 1, 2, ...), got ${JSON.stringify(value)}`);
}

/** Reads `TRUE` or `FALSE` (any case). */
export function parseFlag(value: string): Either<string, boolean> {
  const upper = value.trim().toUpperCase();
  if (upper === "TRUE") return right(true);
  if (upper === "FALSE") return right(false);
  return left(`expected TRUE or FALSE, got ${JSON.stringify(value)}`);
}

/** Reads a value that must be present. */
export function requiredText(value: string): Either<string, string> {
  const text = optionalText(value);
  return text === null ? left(`expected a value, got ${JSON.stringify(value)}`) : right(text);
}
