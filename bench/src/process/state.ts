import type { Impact, Urgency } from "./priority.js";

/** Where an incident is in its lifecycle; `none` before it is logged. */
export type IncidentStatus = "none" | "logged" | "assigned" | "in_progress" | "on_hold" | "resolved" | "closed";

/** Who works on an incident. */
export interface Assignment {
  readonly group: string;
  readonly assignee: string;
}

/** The state of one incident, rebuilt from its events alone. */
export interface IncidentState {
  readonly incidentId: string;
  readonly status: IncidentStatus;
  readonly title: string;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly priority: number;
  readonly assignment: Assignment | null;
  readonly reassignments: number;
  readonly linkedCis: readonly string[];
  readonly workNotes: number;
  readonly holds: number;
  /** When the current hold began, or null when not on hold. */
  readonly onHoldSince: string | null;
  /** Time spent on hold, which an SLA clock does not count. */
  readonly pausedMillis: number;
  readonly reopenCount: number;
  readonly resolution: { readonly code: string; readonly notes: string } | null;
  readonly loggedAt: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly lastActor: string | null;
}

/** An incident that has not been logged yet. */
export const initialIncidentState: IncidentState = Object.freeze({
  incidentId: "",
  status: "none",
  title: "",
  impact: 3,
  urgency: 3,
  priority: 5,
  assignment: null,
  reassignments: 0,
  linkedCis: Object.freeze([]),
  workNotes: 0,
  holds: 0,
  onHoldSince: null,
  pausedMillis: 0,
  reopenCount: 0,
  resolution: null,
  loggedAt: null,
  resolvedAt: null,
  closedAt: null,
  lastActor: null,
});
