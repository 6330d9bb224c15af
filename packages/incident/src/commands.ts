import { CiId, Impact, IncidentId, OnHoldReason, ProblemId, Urgency } from "@handover/itil";
import { z } from "zod";
import { Assignee, ChangeLink, EscalationLevel } from "./values.js";

const text = z.string().trim().min(1);
const target = { incidentId: IncidentId };

/** Every incident command, one zod schema per `type`, as one discriminated union. */
export const IncidentCommand = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("incident.log"),
    ...target,
    title: text,
    impact: Impact,
    urgency: Urgency,
    caller: text.optional(),
    category: text.optional(),
    ciIds: z.array(CiId).optional(),
  }),
  z.object({ type: z.literal("incident.assign"), ...target, group: Assignee, assignee: Assignee.optional() }),
  z.object({ type: z.literal("incident.reassign"), ...target, group: Assignee, assignee: Assignee.optional(), reason: text }),
  z.object({ type: z.literal("incident.start_work"), ...target }),
  z.object({ type: z.literal("incident.put_on_hold"), ...target, reason: OnHoldReason, note: text.optional() }),
  z.object({ type: z.literal("incident.resume"), ...target }),
  z.object({ type: z.literal("incident.resolve"), ...target, resolutionCode: z.string(), resolutionNotes: z.string() }),
  z.object({ type: z.literal("incident.reopen"), ...target, reason: text }),
  z.object({ type: z.literal("incident.close"), ...target }),
  z.object({ type: z.literal("incident.cancel"), ...target, reason: text }),
  z.object({ type: z.literal("incident.reprioritise"), ...target, impact: Impact, urgency: Urgency, reason: text }),
  z.object({ type: z.literal("incident.escalate"), ...target, level: EscalationLevel, to: Assignee, reason: text }),
  z.object({ type: z.literal("incident.link_ci"), ...target, ciId: CiId }),
  z.object({ type: z.literal("incident.link_problem"), ...target, problemId: ProblemId }),
  z.object({ type: z.literal("incident.link_change"), ...target, ...ChangeLink.shape }),
]);
/** An incident command. */
export type IncidentCommand = z.infer<typeof IncidentCommand>;

/** The type names of incident commands. */
export type IncidentCommandType = IncidentCommand["type"];

/** The command of one type. */
export type IncidentCommandOf<T extends IncidentCommandType> = Extract<IncidentCommand, { readonly type: T }>;

/** The stream an incident's events live in: `incident-<id>`. */
export function streamIdOfIncident(incidentId: string): string {
  return `incident-${incidentId}`;
}
