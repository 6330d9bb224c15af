import { pausesResolutionClock, slaTargetFor, type SlaPolicy, type SlaTarget } from "@handover/itil";
import type { ClockStop, IncidentState } from "./state.js";

const MINUTE = 60_000;

/** One SLA clock of an incident: its target, the time it has run, and whether it is over target. */
export interface SlaClock {
  /** The policy's target in minutes, or null when the policy sets none for the priority. */
  readonly targetMinutes: number | null;
  readonly elapsedMinutes: number;
  /** True once the clock has stopped for good: owned (response) or resolved, closed or cancelled (resolution). */
  readonly stopped: boolean;
  readonly breached: boolean;
}

/** The resolution clock, with the time it stood still. */
export interface ResolutionClock extends SlaClock {
  /** Time on hold for a pausing reason, and time resolved before a reopen; never negative. */
  readonly pausedMinutes: number;
  /** True when an open incident's clock stands still right now, on hold for a pausing reason. */
  readonly paused: boolean;
}

/** Where an incident stands against the SLA policy at a moment. */
export interface IncidentSlaStatus {
  readonly priority: number;
  /** Time to own: from logging to the first group or person taking it. */
  readonly response: SlaClock;
  /** Time to resolve: from logging to resolution, minus paused spans. */
  readonly resolution: ResolutionClock;
  readonly breached: boolean;
}

function overlapMillis(from: number, to: number, windowStart: number, windowEnd: number): number {
  return Math.max(0, Math.min(to, windowEnd) - Math.max(from, windowStart));
}

function pauses(stop: ClockStop, policy: SlaPolicy): boolean {
  return stop.kind === "resolved" || pausesResolutionClock(policy, stop.reason);
}

function endOfResolution(state: IncidentState): string | null {
  return state.resolvedAt ?? state.closedAt ?? state.cancelledAt;
}

function clock(targetMinutes: number | undefined, elapsedMillis: number, stopped: boolean): SlaClock {
  const elapsedMinutes = Math.max(0, elapsedMillis) / MINUTE;
  const target = targetMinutes ?? null;
  return { targetMinutes: target, elapsedMinutes, stopped, breached: target !== null && elapsedMinutes > target };
}

function pausedMillisOf(state: IncidentState, policy: SlaPolicy, start: number, end: number): number {
  let paused = 0;
  for (const stop of state.clockStops) {
    if (pauses(stop, policy)) paused += overlapMillis(Date.parse(stop.from), stop.to === null ? end : Date.parse(stop.to), start, end);
  }
  return paused;
}

function notStarted(state: IncidentState, target: SlaTarget | undefined): IncidentSlaStatus {
  const resolution = { ...clock(target?.resolutionMinutes, 0, false), pausedMinutes: 0, paused: false };
  return { priority: state.priority, response: clock(target?.responseMinutes, 0, false), resolution, breached: false };
}

/**
 * An incident's SLA as its events say, never from timers: time to own and time to
 * resolve (minus paused spans) against the policy's targets for its priority, as of
 * `now` for clocks still running. Spans are clipped to the clock's window, so paused
 * time is never negative and never more than the elapsed time.
 */
export function slaStatus(state: IncidentState, policy: SlaPolicy, now: string): IncidentSlaStatus {
  const target = slaTargetFor(policy, state.priority);
  if (state.loggedAt === null) return notStarted(state, target);
  const start = Date.parse(state.loggedAt);
  const finished = endOfResolution(state);
  const end = Date.parse(finished ?? now);
  const ownedAt = state.ownedAt ?? finished;
  const response = clock(target?.responseMinutes, Date.parse(ownedAt ?? now) - start, ownedAt !== null);
  const pausedMillis = pausedMillisOf(state, policy, start, end);
  const open = state.clockStops[state.clockStops.length - 1];
  const paused = finished === null && open !== undefined && open.to === null && pauses(open, policy);
  const resolution = { ...clock(target?.resolutionMinutes, end - start - pausedMillis, finished !== null), pausedMinutes: pausedMillis / MINUTE, paused };
  return { priority: state.priority, response, resolution, breached: response.breached || resolution.breached };
}
