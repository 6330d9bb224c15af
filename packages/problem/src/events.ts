import { createEventCatalogue, defineEvent, type EventOf } from "@handover/core";
import { ChangeId, CiId, IncidentId, ProblemId } from "@handover/itil";
import { z } from "zod";
import { Actor, BusinessTime, ClosureCode } from "./values.js";

/** What every problem event carries: the problem, when (business time) and by whom. */
const common = { problemId: ProblemId, at: BusinessTime, by: Actor };
const text = z.string().min(1);

/** The definitions of problem management's events, by short name. */
export const problemEvents = {
  logged: defineEvent("problem.logged", z.object({ ...common, title: text, description: text.optional(), ciIds: z.array(CiId) }), {
    description: "A problem (the unknown cause of one or more incidents) was logged.",
  }),
  investigationStarted: defineEvent("problem.investigation_started", z.object({ ...common, investigator: text }), {
    description: "Someone started investigating the problem's root cause.",
  }),
  rootCauseIdentified: defineEvent("problem.root_cause_identified", z.object({ ...common, rootCause: text }), {
    description: "The root cause was identified.",
  }),
  knownErrorRecorded: defineEvent(
    "problem.known_error_recorded",
    z.object({ ...common, symptom: text, rootCause: text.optional(), workaround: text, ciIds: z.array(CiId) }),
    { description: "The problem became a known error: symptom, workaround, affected CIs and the root cause once found (a known error is recorded as soon as a workaround exists), which operations inherit at handover." },
  ),
  resolved: defineEvent("problem.resolved", z.object({ ...common, changeId: ChangeId }), {
    description: "The problem was resolved by a change that removes its root cause.",
  }),
  closed: defineEvent("problem.closed", z.object({ ...common, code: ClosureCode, duplicateOf: ProblemId.optional(), notes: text.optional() }), {
    description: "The problem was closed with a code: fix applied, risk accepted, or duplicate (of another problem).",
  }),
  incidentLinked: defineEvent("problem.incident_linked", z.object({ ...common, incidentId: IncidentId }), {
    description: "An incident the problem causes was linked.",
  }),
};

/** The catalogue of problem events: validates them on append and decodes them on read. */
export const problemCatalogue = createEventCatalogue(Object.values(problemEvents));

/** A problem event. */
export type ProblemEvent = EventOf<(typeof problemEvents)[keyof typeof problemEvents]>;

/** The type names of problem events. */
export type ProblemEventType = ProblemEvent["type"];

/** The event of one type. */
export type ProblemEventOf<T extends ProblemEventType> = Extract<ProblemEvent, { readonly type: T }>;
