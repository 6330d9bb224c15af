import { BusinessTime, ChangeId } from "@handover/itil";
import { z } from "zod";

/** A support group or a person an incident is assigned to, verbatim. */
export const Assignee = z.string().min(1);

/** How a change relates to an incident: it caused the incident, or it resolves it. */
export const CHANGE_RELATIONS = ["caused_by", "resolved_by"] as const;
/** How a change relates to an incident. */
export const ChangeRelation = z.enum(CHANGE_RELATIONS);
/** How a change relates to an incident. */
export type ChangeRelation = z.infer<typeof ChangeRelation>;

/** A change linked to an incident, and how. */
export const ChangeLink = z.object({ changeId: ChangeId, relation: ChangeRelation });
/** A change linked to an incident, and how. */
export type ChangeLink = Readonly<z.infer<typeof ChangeLink>>;

/** Escalation levels: functional (to another, more specialised group) or hierarchical (to a manager). */
export const ESCALATION_LEVELS = ["functional", "hierarchical"] as const;
/** An escalation level. */
export const EscalationLevel = z.enum(ESCALATION_LEVELS);
/** An escalation level. */
export type EscalationLevel = z.infer<typeof EscalationLevel>;

/**
 * What an imported event keeps of its source record: where it came from (system, line,
 * revision), the source's own verdicts (its priority and whether it made its SLA, since
 * its policy is not ours), its own timestamps, and the lifecycle rule the event broke,
 * if our lifecycle would have refused it.
 */
export const SourceFacts = z.object({
  system: z.string().min(1),
  /** 1-based line of the source record in its file. */
  line: z.number().int().positive(),
  /** The source's revision number of the record (ServiceNow's `sys_mod_count`). */
  revision: z.number().int().nonnegative(),
  priority: z.number().int().positive(),
  madeSla: z.boolean(),
  openedAt: BusinessTime.nullable(),
  resolvedAt: BusinessTime.nullable(),
  closedAt: BusinessTime.nullable(),
  /** Set when our lifecycle would have refused this event: the refusal, as a sentence. */
  deviation: z.string().min(1).optional(),
});
/** What an imported event keeps of its source record. */
export type SourceFacts = Readonly<z.infer<typeof SourceFacts>>;

/** Business time and actor are shared vocabulary: every process accepts the same forms (itil). */
export { BusinessTime, Actor } from "@handover/itil";
