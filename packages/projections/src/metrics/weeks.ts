const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** The Monday 00:00 UTC that starts the ISO week holding a time, as `YYYY-MM-DD`. */
export function weekOf(at: string): string {
  return new Date(weekStartMillis(Date.parse(at))).toISOString().slice(0, 10);
}

function weekStartMillis(millis: number): number {
  const midnight = Math.floor(millis / DAY) * DAY;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return midnight - weekday * DAY;
}

/** Every week (its Monday, `YYYY-MM-DD`) from the week holding `from` to the week holding `to`, in order. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  const last = weekStartMillis(Date.parse(to));
  for (let start = weekStartMillis(Date.parse(from)); start <= last; start += WEEK) weeks.push(new Date(start).toISOString().slice(0, 10));
  return weeks;
}

/** The last millisecond of a week (Sunday 23:59:59.999 UTC), as an ISO time. */
export function endOfWeek(week: string): string {
  return new Date(Date.parse(`${week}T00:00:00.000Z`) + WEEK - 1).toISOString();
}

/** The length of a period in weeks (at least one millisecond's worth, so a rate per week is always defined). */
export function weeksIn(from: string, to: string): number {
  return Math.max(1, Date.parse(to) - Date.parse(from) + 1) / WEEK;
}
