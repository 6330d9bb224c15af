import type { Draft } from "immer";
import type { IncidentEvent, IncidentEventOf, IncidentEventType } from "./events.js";
import { statusAfter } from "./lifecycle.js";
import type { IncidentState } from "./state.js";
import { laterOf, moveStatus } from "./status-moves.js";

type D = Draft<IncidentState>;
type Applier<T extends IncidentEventType> = (draft: D, event: IncidentEventOf<T>) => void;

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function takeOwnership(draft: D, group: string | null, assignee: string | null, at: string): void {
  draft.group = group;
  draft.assignee = assignee;
  if (draft.ownedAt === null && (group !== null || assignee !== null)) draft.ownedAt = at;
}

function setPriority(draft: D, data: { impact: number; urgency: number; priority: number; major: boolean }): void {
  draft.impact = data.impact;
  draft.urgency = data.urgency;
  draft.priority = data.priority;
  draft.major = data.major;
}

/** What each event does to the data of an incident (its state moves separately). */
const appliers: { readonly [T in IncidentEventType]?: Applier<T> } = {
  "incident.logged": (draft, { data }) => {
    draft.incidentId = data.incidentId;
    draft.title = data.title ?? null;
    draft.loggedAt = data.at;
    setPriority(draft, data);
  },
  "incident.reprioritised": (draft, { data }) => setPriority(draft, data),
  "incident.assigned": (draft, { data }) => takeOwnership(draft, data.group, data.assignee, data.at),
  "incident.reassigned": (draft, { data }) => {
    draft.reassignmentCount += 1;
    takeOwnership(draft, data.group, data.assignee, data.at);
  },
  "incident.escalated": (draft, { data }) => {
    draft.escalationCount += 1;
    draft.lastEscalation = { level: data.level, to: data.to, at: data.at };
    if (data.level === "functional") takeOwnership(draft, data.to, null, data.at);
  },
  "incident.resolved": (draft, { data }) => {
    draft.resolution = { code: data.resolutionCode, notes: data.resolutionNotes, at: data.at, by: data.by };
    draft.resolvedAt = data.at;
  },
  "incident.reopened": (draft) => {
    draft.reopenCount += 1;
  },
  "incident.closed": (draft, { data }) => {
    draft.closedAt = data.at;
  },
  "incident.cancelled": (draft, { data }) => {
    draft.cancelledAt = data.at;
  },
  "incident.ci_linked": (draft, { data }) => addOnce(draft.ciIds, data.ciId),
  "incident.problem_linked": (draft, { data }) => addOnce(draft.problemIds, data.problemId),
  "incident.change_linked": (draft, { data }) => {
    if (draft.changeLinks.some((link) => link.changeId === data.changeId && link.relation === data.relation)) return;
    draft.changeLinks.push({ changeId: data.changeId, relation: data.relation });
  },
};

/**
 * The incident's immer recipe: applies one event's data, then moves the state as the
 * lifecycle table says (or, for imported history the table refuses, where the event
 * lands), and keeps the latest source facts and business time. Counts only rise.
 */
export function evolveIncident(draft: D, event: IncidentEvent): void {
  const next = statusAfter(draft.status, event.type);
  const apply = appliers[event.type] as Applier<IncidentEventType> | undefined;
  apply?.(draft, event);
  moveStatus(draft, next, event);
  if (event.data.source !== undefined) draft.source = event.data.source;
  draft.lastAt = laterOf(draft.lastAt, event.data.at);
}
