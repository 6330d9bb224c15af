import { z } from "zod";

const isoTime = z.iso.datetime({ offset: true });

/** A span of time, start inclusive, end exclusive, ISO-8601 UTC. */
export const TimeWindow = z
  .object({ start: isoTime, end: isoTime })
  .refine((window) => Date.parse(window.start) < Date.parse(window.end), { message: "the window must end after it starts", path: ["end"] });
/** A span of time. */
export type TimeWindow = Readonly<{ start: string; end: string }>;

/** A change freeze: no change may be scheduled inside it. */
export const BlackoutWindow = z.object({ start: isoTime, end: isoTime, reason: z.string().min(1) });
/** A change freeze. */
export type BlackoutWindow = Readonly<{ start: string; end: string; reason: string }>;

/** A weekly maintenance window in UTC: on these days (0 = Sunday), from start to end (HH:mm, end may pass midnight). */
export const MaintenanceWindow = z.object({
  days: z.array(z.number().int().min(0).max(6)).min(1),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:mm"),
  end: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "expected HH:mm"),
});
/** A weekly maintenance window in UTC. */
export type MaintenanceWindow = Readonly<{ days: readonly number[]; start: string; end: string }>;

/** True when two windows share any instant. */
export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

/** True when `inner` lies entirely inside `outer`. */
export function windowContains(outer: TimeWindow, inner: TimeWindow): boolean {
  return Date.parse(outer.start) <= Date.parse(inner.start) && Date.parse(inner.end) <= Date.parse(outer.end);
}

/** True when an instant lies in a window (start inclusive, end inclusive: a change done at the last minute counts). */
export function instantInWindow(instant: string, window: TimeWindow): boolean {
  const at = Date.parse(instant);
  return Date.parse(window.start) <= at && at <= Date.parse(window.end);
}

/** True when the instant lies in a span that may still be open (no `end`: from `start` on); ends inclusive, as `instantInWindow`. */
export function instantInSpan(instant: string, span: { readonly start: string; readonly end?: string }): boolean {
  if (span.end !== undefined) return instantInWindow(instant, { start: span.start, end: span.end });
  return Date.parse(span.start) <= Date.parse(instant);
}

const DAY = 24 * 60 * 60 * 1000;

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The occurrences of a weekly maintenance window that could touch a time window. */
export function maintenanceOccurrences(maintenance: MaintenanceWindow, around: TimeWindow): TimeWindow[] {
  const from = Date.parse(around.start) - DAY;
  const to = Date.parse(around.end);
  const occurrences: TimeWindow[] = [];
  const startMinutes = minutesOf(maintenance.start);
  let endMinutes = minutesOf(maintenance.end);
  if (endMinutes <= startMinutes) endMinutes += 24 * 60;
  for (let day = Math.floor(from / DAY) * DAY; day <= to; day += DAY) {
    if (!maintenance.days.includes(new Date(day).getUTCDay())) continue;
    occurrences.push({ start: new Date(day + startMinutes * 60_000).toISOString(), end: new Date(day + endMinutes * 60_000).toISOString() });
  }
  return occurrences;
}

/** True when the window lies entirely inside one occurrence of one of the maintenance windows. */
export function fitsMaintenanceWindows(window: TimeWindow, maintenance: readonly MaintenanceWindow[]): boolean {
  return maintenance.some((weekly) => maintenanceOccurrences(weekly, window).some((occurrence) => windowContains(occurrence, window)));
}
