/** A source of the current time as ISO-8601 UTC. Injected, so replays and tests are deterministic. */
export type Clock = () => string;

/** The machine's clock: the default at the edge of an application, never used by domain code. */
export const systemClock: Clock = () => new Date().toISOString();

/** A clock that always answers the same instant. */
export function fixedClock(instant: string): Clock {
  const frozen = new Date(instant).toISOString();
  return () => frozen;
}

/** A clock that starts at an instant and moves on by a step (milliseconds) each time it is read. */
export function steppingClock(start: string, stepMillis = 1000): Clock & { readonly set: (instant: string) => void } {
  let current = Date.parse(start);
  if (Number.isNaN(current)) throw new TypeError(`steppingClock: "${start}" is not a date-time`);
  const clock = (): string => {
    const now = new Date(current).toISOString();
    current += stepMillis;
    return now;
  };
  return Object.assign(clock, {
    set: (instant: string) => {
      current = Date.parse(instant);
    },
  });
}
