import { ChangeId, CiId, Risk, TimeWindow } from "@handover/itil";
import { z } from "zod";
import { ChangeScope, ChangeType, ImplementationOutcome, ReviewResult, Vote } from "./values.js";

const text = z.string().trim().min(1);

/** Raise a request for change; a standard change names its template and is authorised on raising. */
export const RaiseChange = z.object({
  type: z.literal("change.raise"),
  changeId: ChangeId,
  changeType: ChangeType,
  scope: ChangeScope,
  title: text,
  description: text.optional(),
  /** Required for a standard change: the template in the policy's catalogue. */
  templateId: text.optional(),
});

/** Record the assessment: risk, impact, affected CIs, plans; a back-out plan from the policy's risk up. */
export const AssessChange = z.object({
  type: z.literal("change.assess"),
  changeId: ChangeId,
  risk: Risk,
  impactSummary: text,
  affectedCis: z.array(CiId).refine((ids) => new Set(ids).size === ids.length, { message: "each CI is named once" }),
  implementationPlan: text,
  testPlan: text,
  backOutPlan: text.optional(),
});

/** Cast a vote: a CAB member on a normal change, an ECAB member on an emergency, a CAB member in an emergency's retrospective review. */
export const VoteOnChange = z.object({ type: z.literal("change.vote"), changeId: ChangeId, vote: Vote, comment: text });

/** Revise a rejected change and raise it again; the revision is counted. */
export const ReviseChange = z.object({
  type: z.literal("change.revise"),
  changeId: ChangeId,
  reason: text,
  title: text.optional(),
  description: text.optional(),
  scope: ChangeScope.optional(),
});

/** Put an authorised change on the calendar; a conflict is refused unless an override reason is given (emergencies proceed). */
export const ScheduleChange = z.object({
  type: z.literal("change.schedule"),
  changeId: ChangeId,
  window: TimeWindow,
  overrideReason: text.optional(),
});

/** Start implementing: a scheduled change inside its window, an emergency at once. */
export const StartImplementation = z.object({ type: z.literal("change.start_implementation"), changeId: ChangeId });

/** Record how the implementation ended. */
export const CompleteImplementation = z.object({
  type: z.literal("change.complete_implementation"),
  changeId: ChangeId,
  outcome: ImplementationOutcome,
  notes: text.optional(),
});

/** Record the post-implementation review. */
export const ReviewChange = z.object({
  type: z.literal("change.review"),
  changeId: ChangeId,
  result: ReviewResult,
  lessons: text,
  /** Why the result differs from the implementation's outcome (a failed implementation reviewed as successful, …): required then (`review_consistent`). */
  explanation: text.optional(),
});

/** Close a reviewed change (an emergency also needs its retrospective CAB review). */
export const CloseChange = z.object({ type: z.literal("change.close"), changeId: ChangeId });

/** Cancel a change that has not started implementing. */
export const CancelChange = z.object({ type: z.literal("change.cancel"), changeId: ChangeId, reason: text });

/**
 * Answer an emergency change the CAB rejected in its retrospective review: with the follow-up
 * change that puts it right (`followUpChangeId`), or an acceptance of it as it stands with
 * the reason (`acceptedReason`); exactly one of them.
 */
export const AnswerRejection = z.object({
  type: z.literal("change.answer_rejection"),
  changeId: ChangeId,
  followUpChangeId: ChangeId.optional(),
  acceptedReason: text.optional(),
});

/** Every command of change management, discriminated on `type`. */
export const ChangeCommand = z.discriminatedUnion("type", [
  RaiseChange,
  AssessChange,
  VoteOnChange,
  ReviseChange,
  ScheduleChange,
  StartImplementation,
  CompleteImplementation,
  ReviewChange,
  CloseChange,
  CancelChange,
  AnswerRejection,
]);
/** A command of change management. */
export type ChangeCommand = z.infer<typeof ChangeCommand>;
/** A command's `type`. */
export type ChangeCommandType = ChangeCommand["type"];
/** The command of a given type. */
export type ChangeCommandOf<T extends ChangeCommandType> = Extract<ChangeCommand, { type: T }>;
