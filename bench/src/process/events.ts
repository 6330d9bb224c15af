import { createEventCatalogue, defineEvent, type EventOf } from "@handover/core";
import { z } from "zod";

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const base = { incidentId: z.string().min(1), at: z.iso.datetime(), by: z.string().min(1) };

/** An incident was reported and recorded, with its impact, urgency and the priority they give. */
export const incidentLogged = defineEvent(
  "incident.logged",
  z.object({ ...base, title: z.string().min(1), description: z.string(), impact: level, urgency: level, priority: z.number().int().min(1).max(5) }),
);
/** The incident was given to a group and a person (first assignment or reassignment). */
export const incidentAssigned = defineEvent("incident.assigned", z.object({ ...base, group: z.string().min(1), assignee: z.string().min(1) }));
/** The assignee began work. */
export const incidentWorkStarted = defineEvent("incident.work_started", z.object(base));
/** A work note was added. */
export const incidentWorkNoted = defineEvent("incident.work_noted", z.object({ ...base, note: z.string().min(1) }));
/** Work stopped while waiting on someone else; the SLA clock pauses. */
export const incidentPutOnHold = defineEvent(
  "incident.put_on_hold",
  z.object({ ...base, reason: z.enum(["awaiting_user", "awaiting_vendor", "awaiting_change"]) }),
);
/** Work resumed after a hold. */
export const incidentResumed = defineEvent("incident.resumed", z.object(base));
/** Impact or urgency changed, and with them the priority. */
export const incidentReprioritised = defineEvent(
  "incident.reprioritised",
  z.object({ ...base, impact: level, urgency: level, priority: z.number().int().min(1).max(5) }),
);
/** A configuration item was linked as affected. */
export const incidentCiLinked = defineEvent("incident.ci_linked", z.object({ ...base, ciId: z.string().min(1) }));
/** Service was restored. */
export const incidentResolved = defineEvent("incident.resolved", z.object({ ...base, code: z.string().min(1), notes: z.string() }));
/** The resolution did not hold; work starts again. */
export const incidentReopened = defineEvent("incident.reopened", z.object({ ...base, reason: z.string().min(1) }));
/** The incident was closed after its resolution was confirmed. */
export const incidentClosed = defineEvent("incident.closed", z.object({ ...base, code: z.string().min(1) }));

const definitions = [
  incidentLogged,
  incidentAssigned,
  incidentWorkStarted,
  incidentWorkNoted,
  incidentPutOnHold,
  incidentResumed,
  incidentReprioritised,
  incidentCiLinked,
  incidentResolved,
  incidentReopened,
  incidentClosed,
] as const;

/** Every incident event type with its schema: what the store validates on append. */
export const incidentCatalogue = createEventCatalogue([...definitions]);

/** Any incident event. */
export type IncidentEvent = EventOf<(typeof definitions)[number]>;
