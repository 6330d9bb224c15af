import type { OnHoldReason } from "@handover/itil";
import type { IncidentStatus } from "./lifecycle.js";
import type { ChangeLink, EscalationLevel, SourceFacts } from "./values.js";

/**
 * A span during which the resolution clock may stand still: time on hold (paused when the
 * SLA policy says the reason pauses) or time resolved before a reopen (always paused).
 * `to` is null while the span is open.
 */
export type ClockStop =
  | { readonly kind: "on_hold"; readonly reason: OnHoldReason; readonly from: string; readonly to: string | null }
  | { readonly kind: "resolved"; readonly from: string; readonly to: string | null };

/** The resolution an incident was resolved with. */
export interface Resolution {
  readonly code: string;
  readonly notes: string;
  readonly at: string;
  readonly by: string;
}

/** The latest escalation of an incident. */
export interface Escalation {
  readonly level: EscalationLevel;
  readonly to: string;
  readonly at: string;
}

/** An incident as its events leave it. */
export interface IncidentState {
  readonly status: IncidentStatus;
  readonly incidentId: string;
  readonly title: string | null;
  readonly impact: number;
  readonly urgency: number;
  readonly priority: number;
  /** Priority 1: a major incident. */
  readonly major: boolean;
  readonly group: string | null;
  readonly assignee: string | null;
  readonly holdReason: OnHoldReason | null;
  readonly resolution: Resolution | null;
  readonly reopenCount: number;
  readonly reassignmentCount: number;
  readonly escalationCount: number;
  readonly lastEscalation: Escalation | null;
  readonly loggedAt: string | null;
  /** When a group or person first took the incident (time to own ends here). */
  readonly ownedAt: string | null;
  /** When it was last resolved; null while it is not resolved. */
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly cancelledAt: string | null;
  /** The latest business time of any of its events. */
  readonly lastAt: string | null;
  readonly clockStops: readonly ClockStop[];
  readonly ciIds: readonly string[];
  readonly problemIds: readonly string[];
  readonly changeLinks: readonly ChangeLink[];
  /** The source record's facts as of the latest imported event; null for incidents logged here. */
  readonly source: SourceFacts | null;
}

/** The state of an incident that has not been logged. */
export const initialIncidentState: IncidentState = Object.freeze({
  status: "none",
  incidentId: "",
  title: null,
  impact: 0,
  urgency: 0,
  priority: 0,
  major: false,
  group: null,
  assignee: null,
  holdReason: null,
  resolution: null,
  reopenCount: 0,
  reassignmentCount: 0,
  escalationCount: 0,
  lastEscalation: null,
  loggedAt: null,
  ownedAt: null,
  resolvedAt: null,
  closedAt: null,
  cancelledAt: null,
  lastAt: null,
  clockStops: Object.freeze([]),
  ciIds: Object.freeze([]),
  problemIds: Object.freeze([]),
  changeLinks: Object.freeze([]),
  source: null,
}) as IncidentState;
