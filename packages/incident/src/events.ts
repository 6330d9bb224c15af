import { createEventCatalogue, defineEvent, type EventOf } from "@handover/core";
import { CiId, Impact, IncidentId, OnHoldReason, ProblemId, Urgency } from "@handover/itil";
import { z } from "zod";
import { Actor, Assignee, BusinessTime, ChangeLink, EscalationLevel, SourceFacts } from "./values.js";

/** What every incident event carries: the incident, when (business time), by whom, and its source record when imported. */
const common = { incidentId: IncidentId, at: BusinessTime, by: Actor, source: SourceFacts.optional() };
const text = z.string().min(1);
const priority = { impact: Impact, urgency: Urgency, priority: z.number().int().positive(), major: z.boolean() };
const assignment = { group: Assignee.nullable(), assignee: Assignee.nullable() };

/** The definitions of incident management's events, by short name. */
export const incidentEvents = {
  logged: defineEvent("incident.logged", z.object({ ...common, ...priority, title: text.optional(), caller: text.optional(), category: text.optional() }), {
    description: "An incident was logged with its impact, urgency and the priority the policy's matrix gives them; priority 1 is a major incident.",
  }),
  assigned: defineEvent("incident.assigned", z.object({ ...common, ...assignment }), {
    description: "A group or person was set on the incident where none was set, or changed without a counted reassignment.",
  }),
  reassigned: defineEvent("incident.reassigned", z.object({ ...common, ...assignment, reason: text.optional() }), {
    description: "The incident moved to another group or person; counted in the reassignment count.",
  }),
  workStarted: defineEvent("incident.work_started", z.object(common), { description: "The assignee started working on the incident." }),
  putOnHold: defineEvent("incident.put_on_hold", z.object({ ...common, reason: OnHoldReason, note: text.optional() }), {
    description: "The incident waits (for the caller, a vendor, a problem, a change or evidence); the SLA policy says which reasons pause the resolution clock.",
  }),
  resumed: defineEvent("incident.resumed", z.object(common), { description: "Work on an incident on hold resumed." }),
  resolved: defineEvent("incident.resolved", z.object({ ...common, resolutionCode: z.string(), resolutionNotes: z.string() }), {
    description: "The incident was resolved with a resolution code and notes (an import may carry empty ones when its source kept none).",
  }),
  reopened: defineEvent("incident.reopened", z.object({ ...common, reason: z.string() }), {
    description: "A resolved incident was reopened; counted in the reopen count.",
  }),
  closed: defineEvent("incident.closed", z.object(common), { description: "The incident was closed; closed is final." }),
  cancelled: defineEvent("incident.cancelled", z.object({ ...common, reason: text }), {
    description: "An incident that was never worked on was cancelled; cancelled is final.",
  }),
  reprioritised: defineEvent("incident.reprioritised", z.object({ ...common, ...priority, reason: text }), {
    description: "Impact or urgency changed and the priority was recomputed with the policy's matrix.",
  }),
  escalated: defineEvent("incident.escalated", z.object({ ...common, level: EscalationLevel, to: Assignee, reason: text }), {
    description: "The incident was escalated: functionally (to another group, which takes it over) or hierarchically (to a manager); counted.",
  }),
  ciLinked: defineEvent("incident.ci_linked", z.object({ ...common, ciId: CiId }), { description: "A configuration item the incident affects was linked." }),
  problemLinked: defineEvent("incident.problem_linked", z.object({ ...common, problemId: ProblemId }), {
    description: "The problem behind the incident was linked.",
  }),
  changeLinked: defineEvent("incident.change_linked", z.object({ ...common, ...ChangeLink.shape }), {
    description: "A change was linked: the change that caused the incident, or the one that resolves it.",
  }),
  returnedToNew: defineEvent("incident.returned_to_new", z.object(common), {
    description: "Imported history only: the source put an incident back to New, which our lifecycle never does.",
  }),
  sourceFactsRecorded: defineEvent("incident.source_facts_recorded", z.object({ ...common, source: SourceFacts }), {
    description: "Imported history only: the source's own verdicts (priority, SLA, times) changed in an update that changed nothing else.",
  }),
};

/** The catalogue of incident events: validates them on append and decodes them on read. */
export const incidentCatalogue = createEventCatalogue(Object.values(incidentEvents));

/** An incident event. */
export type IncidentEvent = EventOf<(typeof incidentEvents)[keyof typeof incidentEvents]>;

/** The type names of incident events. */
export type IncidentEventType = IncidentEvent["type"];

/** The event of one type. */
export type IncidentEventOf<T extends IncidentEventType> = Extract<IncidentEvent, { readonly type: T }>;

/** True when an event is one of incident management's (by type; the data is not checked). */
export function isIncidentEventType(type: string): type is IncidentEventType {
  return incidentCatalogue.definitions.has(type);
}
