import type { Draft } from "immer";
import type { IncidentEvent } from "./events.js";
import type { IncidentStatus } from "./lifecycle.js";
import type { IncidentState } from "./state.js";

type D = Draft<IncidentState>;

/** The later of two business times (by instant, not by spelling). */
export function laterOf(current: string | null, candidate: string): string {
  return current === null || Date.parse(candidate) > Date.parse(current) ? candidate : current;
}

function closeOpenStop(draft: D, at: string): void {
  const open = draft.clockStops[draft.clockStops.length - 1];
  if (open === undefined || open.to !== null) return;
  open.to = laterOf(open.from, at);
}

function leave(draft: D, from: IncidentStatus, next: IncidentStatus): void {
  if (from === "on_hold" && next !== "on_hold") draft.holdReason = null;
  if (from === "resolved" && next !== "resolved" && next !== "closed") {
    draft.resolution = null;
    draft.resolvedAt = null;
  }
}

function enter(draft: D, from: IncidentStatus, next: IncidentStatus, event: IncidentEvent): void {
  const { at } = event.data;
  if (event.type === "incident.put_on_hold" && next === "on_hold") {
    draft.holdReason = event.data.reason;
    draft.clockStops.push({ kind: "on_hold", reason: event.data.reason, from: at, to: null });
  }
  if (next === "resolved" && from !== "resolved") draft.clockStops.push({ kind: "resolved", from: at, to: null });
}

/**
 * Moves an incident from one state to the next at a business time, keeping what the
 * states imply: the clock stops of on-hold and resolved spans (a span never ends
 * before it starts), the hold reason, and the resolution, which a move out of resolved
 * other than closing withdraws. A new hold reason while on hold starts a new span.
 */
export function moveStatus(draft: D, next: IncidentStatus, event: IncidentEvent): void {
  const from = draft.status;
  const holdChanged = event.type === "incident.put_on_hold" && next === "on_hold";
  if (next === from && !holdChanged) return;
  closeOpenStop(draft, event.data.at);
  leave(draft, from, next);
  enter(draft, from, next, event);
  draft.status = next;
}
