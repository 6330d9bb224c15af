import { parseInstant, type LogRange } from "@handover/core";

/**
 * Where a read model stands in the log: `asOf` what was true then (events by when they
 * occurred), `knownAt` what the log knew then (events by when they were recorded),
 * `toPosition` the log cut after a position. All optional and combinable.
 */
export interface ReadOptions {
  /** An ISO date-time with a zone, or a date (the end of that day, UTC). */
  readonly asOf?: string;
  /** An ISO date-time with a zone, or a date (the end of that day, UTC). */
  readonly knownAt?: string;
  readonly toPosition?: number;
}

/**
 * Maps read options onto core's log range (`asOf` → `until`, `knownAt` → `recordedUntil`).
 * A time that cannot be read is a programmer error (parse user input first): RangeError.
 */
export function logRangeOf(options: ReadOptions = {}): LogRange {
  const range: { until?: string; recordedUntil?: string; toPosition?: number } = {};
  if (options.asOf !== undefined) range.until = instant(options.asOf, "asOf");
  if (options.knownAt !== undefined) range.recordedUntil = instant(options.knownAt, "knownAt");
  if (options.toPosition !== undefined) {
    if (!Number.isInteger(options.toPosition) || options.toPosition < 0) throw new RangeError(`toPosition: expected a position (0 or more), got ${options.toPosition}`);
    range.toPosition = options.toPosition;
  }
  return range;
}

function instant(value: string, field: string): string {
  const parsed = parseInstant(value);
  if (parsed._tag === "Left") throw new RangeError(`${field}: ${parsed.left}`);
  return parsed.right;
}

/** Where an answer stands, as the range asked: `asOf` and `knownAt` as instants, when given. */
export interface Standing {
  readonly asOf?: string;
  readonly knownAt?: string;
}

/** The standing an answer over this range reports (what `cmdbAsOf`, `handoverView` and `auditReplay` put on their results). */
export function standingOf(range: LogRange): Standing {
  return { ...(range.until === undefined ? {} : { asOf: range.until }), ...(range.recordedUntil === undefined ? {} : { knownAt: range.recordedUntil }) };
}
