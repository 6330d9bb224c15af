import { BlackoutWindow, ChangeId, CiId, TimeWindow } from "@handover/itil";
import { z } from "zod";

/** The kinds of change: standard (pre-authorised template), normal (CAB) and emergency (ECAB). */
export const CHANGE_TYPES = ["standard", "normal", "emergency"] as const;
/** The kind of a change. */
export const ChangeType = z.enum(CHANGE_TYPES);
/** The kind of a change. */
export type ChangeType = z.infer<typeof ChangeType>;

/** What a project-level change targets: a scope item or a requirement, by id. */
export const ProjectTarget = z.object({ kind: z.enum(["scope_item", "requirement"]), id: z.string().trim().min(1) });
/** What a project-level change targets. */
export type ProjectTarget = Readonly<z.infer<typeof ProjectTarget>>;

const distinctCiIds = z
  .array(CiId)
  .min(1, "a solution-level change names at least one CI")
  .refine((ids) => new Set(ids).size === ids.length, { message: "each CI is named once" });

/** The level of a change and its target: project (a scope item or requirement) or solution (one or more CIs). */
export const ChangeScope = z.discriminatedUnion("level", [
  z.object({ level: z.literal("project"), target: ProjectTarget }),
  z.object({ level: z.literal("solution"), ciIds: distinctCiIds }),
]);
/** The level of a change and its target. */
export type ChangeScope = z.infer<typeof ChangeScope>;

/** A CAB or ECAB member's vote. */
export const VOTES = ["approve", "reject"] as const;
/** A vote. */
export const Vote = z.enum(VOTES);
/** A vote. */
export type Vote = z.infer<typeof Vote>;

/** Which board a vote belongs to: the CAB of a normal change, the ECAB of an emergency, or the CAB's retrospective review of an emergency. */
export const VOTE_ROUNDS = ["cab", "ecab", "retrospective"] as const;
/** A voting round. */
export const VoteRound = z.enum(VOTE_ROUNDS);
/** A voting round. */
export type VoteRound = z.infer<typeof VoteRound>;

/** How an implementation ended. */
export const IMPLEMENTATION_OUTCOMES = ["successful", "failed", "backed_out"] as const;
/** How an implementation ended. */
export const ImplementationOutcome = z.enum(IMPLEMENTATION_OUTCOMES);
/** How an implementation ended. */
export type ImplementationOutcome = z.infer<typeof ImplementationOutcome>;

/** The verdict of a post-implementation review. */
export const REVIEW_RESULTS = ["successful", "partially_successful", "unsuccessful"] as const;
/** The verdict of a post-implementation review. */
export const ReviewResult = z.enum(REVIEW_RESULTS);
/** The verdict of a post-implementation review. */
export type ReviewResult = z.infer<typeof ReviewResult>;

/** How two CIs of overlapping changes relate: the same CI, ours depends on theirs, or theirs depends on ours. */
export const CiRelation = z.enum(["same_ci", "depends_on", "depended_on_by"]);
/** How two CIs of overlapping changes relate. */
export type CiRelation = z.infer<typeof CiRelation>;

/** One reason a window is a bad time for a change: another change nearby, a change freeze, or outside a CI's maintenance window. */
export const ScheduleConflict = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("overlapping_change"),
    /** The other change. */
    changeId: ChangeId,
    /** Our CI. */
    ciId: CiId,
    /** The other change's CI. */
    otherCiId: CiId,
    relation: CiRelation,
    window: TimeWindow,
  }),
  z.object({ kind: z.literal("blackout"), blackout: BlackoutWindow }),
  z.object({ kind: z.literal("outside_maintenance_window"), ciId: CiId }),
]);
/** One reason a window is a bad time for a change. */
export type ScheduleConflict = z.infer<typeof ScheduleConflict>;

/** A recorded rule breach (shared vocabulary, from itil). */
export { RuleFinding } from "@handover/itil";

/** Business time and actor are shared vocabulary: every process accepts the same forms (itil). */
export { BusinessTime, Actor } from "@handover/itil";
