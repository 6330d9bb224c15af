/** Business times of the story: written as "2025-12-02 10:14" (UTC) and carried as ISO-8601 UTC. */

const MINUTE = 60_000;
const STORY_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/;

/** The ISO-8601 UTC instant of a story time written as `YYYY-MM-DD HH:mm` (UTC). */
export function on(storyTime: string): string {
  const match = STORY_TIME.exec(storyTime);
  if (match === null) throw new TypeError(`story time "${storyTime}": expected "YYYY-MM-DD HH:mm"`);
  const instant = new Date(`${match[1]}T${match[2]}:00.000Z`);
  if (Number.isNaN(instant.getTime())) throw new TypeError(`story time "${storyTime}" is not a date`);
  return instant.toISOString();
}

/** The instant some minutes after another (negative minutes go back). */
export function minutesAfter(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * MINUTE).toISOString();
}

/** The next working day (Monday to Friday) after an instant, at a time of day `HH:mm`. */
export function nextWorkingDayAt(instant: string, timeOfDay: string): string {
  const day = new Date(Date.parse(instant));
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return on(`${day.toISOString().slice(0, 10)} ${timeOfDay}`);
}

/** An instant from a story time (`2025-12-02 10:14`) or an ISO-8601 UTC instant (`…Z`). */
export function instant(time: string): string {
  if (time.endsWith("Z") && !Number.isNaN(Date.parse(time))) return new Date(time).toISOString();
  return on(time);
}

/** A window of the change calendar between two times (story times or ISO instants). */
export function windowOf(start: string, end: string): { readonly start: string; readonly end: string } {
  return { start: instant(start), end: instant(end) };
}
