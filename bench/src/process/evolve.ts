import type { Draft } from "immer";
import type { IncidentEvent } from "./events.js";
import type { IncidentState } from "./state.js";

type DataOf<T extends IncidentEvent["type"]> = Extract<IncidentEvent, { type: T }>["data"];
type Appliers = { readonly [T in IncidentEvent["type"]]: (draft: Draft<IncidentState>, data: DataOf<T>) => void };

/** One small recipe per event type: copies scalars into the draft and never keeps an event's objects. */
const appliers: Appliers = {
  "incident.logged": (draft, data) => {
    draft.incidentId = data.incidentId;
    draft.status = "logged";
    draft.title = data.title;
    draft.loggedAt = data.at;
    draft.impact = data.impact;
    draft.urgency = data.urgency;
    draft.priority = data.priority;
  },
  "incident.assigned": (draft, data) => {
    if (draft.assignment !== null) draft.reassignments += 1;
    draft.assignment = { group: data.group, assignee: data.assignee };
    if (draft.status === "logged") draft.status = "assigned";
  },
  "incident.work_started": (draft) => {
    draft.status = "in_progress";
  },
  "incident.work_noted": (draft) => {
    draft.workNotes += 1;
  },
  "incident.put_on_hold": (draft, data) => {
    draft.status = "on_hold";
    draft.holds += 1;
    draft.onHoldSince = data.at;
  },
  "incident.resumed": (draft, data) => {
    if (draft.onHoldSince !== null) draft.pausedMillis += Date.parse(data.at) - Date.parse(draft.onHoldSince);
    draft.status = "in_progress";
    draft.onHoldSince = null;
  },
  "incident.reprioritised": (draft, data) => {
    draft.impact = data.impact;
    draft.urgency = data.urgency;
    draft.priority = data.priority;
  },
  "incident.ci_linked": (draft, data) => {
    draft.linkedCis.push(data.ciId);
  },
  "incident.resolved": (draft, data) => {
    draft.status = "resolved";
    draft.resolvedAt = data.at;
    draft.resolution = { code: data.code, notes: data.notes };
  },
  "incident.reopened": (draft) => {
    draft.status = "in_progress";
    draft.reopenCount += 1;
    draft.resolution = null;
    draft.resolvedAt = null;
  },
  "incident.closed": (draft, data) => {
    draft.status = "closed";
    draft.closedAt = data.at;
  },
};

/** The immer recipe of the incident: applies one event to a draft state. */
export function evolveIncident(draft: Draft<IncidentState>, event: IncidentEvent): void {
  draft.lastActor = event.data.by;
  const apply = appliers[event.type] as (draft: Draft<IncidentState>, data: IncidentEvent["data"]) => void;
  apply(draft, event.data);
}
