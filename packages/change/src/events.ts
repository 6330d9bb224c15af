import { createEventCatalogue, defineEvent, type EventOf } from "@handover/core";
import { ChangeId, CiId, Risk, TimeWindow } from "@handover/itil";
import { z } from "zod";
import {
  Actor,
  BusinessTime,
  ChangeScope,
  ChangeType,
  ImplementationOutcome,
  ReviewResult,
  RuleFinding,
  ScheduleConflict,
  Vote,
  VoteRound,
} from "./values.js";

/** What every change event carries: the change, when (business time) and by whom. */
const common = { changeId: ChangeId, at: BusinessTime, by: Actor };
const text = z.string().min(1);

/** The definitions of change management's events, by short name. */
export const changeEvents = {
  raised: defineEvent(
    "change.raised",
    z.object({ ...common, changeType: ChangeType, scope: ChangeScope, title: text, description: text.optional(), templateId: text.optional(), risk: Risk.optional() }),
    { description: "A request for change was raised; a standard change names its template and carries the template's risk." },
  ),
  assessed: defineEvent(
    "change.assessed",
    z.object({
      ...common,
      risk: Risk,
      impactSummary: text,
      affectedCis: z.array(CiId),
      implementationPlan: text,
      testPlan: text,
      backOutPlan: text.optional(),
    }),
    { description: "The change was assessed: risk, impact, affected CIs, implementation, test and back-out plans." },
  ),
  voteCast: defineEvent(
    "change.vote_cast",
    z.object({ ...common, round: VoteRound, vote: Vote, comment: text, findings: z.array(RuleFinding).optional() }),
    { description: "A board member voted; `by` is the voter; findings list rules the policy records rather than enforces." },
  ),
  authorised: defineEvent(
    "change.authorised",
    z.object({ ...common, basis: z.enum(["standard_template", "cab", "ecab"]), approvers: z.array(Actor), quorum: z.number().int().min(0) }),
    { description: "The change was authorised: by its standard template, by CAB quorum, or by ECAB." },
  ),
  rejected: defineEvent(
    "change.rejected",
    z.object({ ...common, round: z.enum(["cab", "ecab"]), approvers: z.array(Actor), rejectedBy: z.array(Actor) }),
    { description: "The board rejected the change under the policy's rejection rule." },
  ),
  revised: defineEvent(
    "change.revised",
    z.object({ ...common, revision: z.number().int().min(1), reason: text, title: text.optional(), description: text.optional(), scope: ChangeScope.optional() }),
    { description: "A rejected change was revised and raised again; `revision` counts the revisions." },
  ),
  scheduled: defineEvent(
    "change.scheduled",
    z.object({ ...common, window: TimeWindow, ciIds: z.array(CiId), conflicts: z.array(ScheduleConflict), overrideReason: text.optional() }),
    { description: "The change was put on the calendar, with the conflicts found and the override reason that accepted them." },
  ),
  implementationStarted: defineEvent("change.implementation_started", z.object(common), {
    description: "Implementation started.",
  }),
  implemented: defineEvent("change.implemented", z.object({ ...common, outcome: ImplementationOutcome, notes: text.optional() }), {
    description: "Implementation ended: successful, failed or backed out.",
  }),
  retrospectivelyReviewed: defineEvent(
    "change.retrospectively_reviewed",
    z.object({ ...common, verdict: z.enum(["endorsed", "rejected"]), approvers: z.array(Actor), rejectedBy: z.array(Actor), quorum: z.number().int().min(1) }),
    { description: "The CAB reached a verdict in an emergency change's retrospective review." },
  ),
  reviewed: defineEvent("change.reviewed", z.object({ ...common, result: ReviewResult, lessons: text, explanation: text.optional() }), {
    description: "The post-implementation review was recorded.",
  }),
  rejectionAnswered: defineEvent(
    "change.retrospective_rejection_answered",
    z.object({ ...common, followUpChangeId: ChangeId.optional(), acceptedReason: text.optional() }),
    { description: "An emergency change the CAB rejected in its retrospective review was answered: by a follow-up change, or accepted as it stands with the reason." },
  ),
  closed: defineEvent("change.closed", z.object(common), { description: "The change was closed." }),
  cancelled: defineEvent("change.cancelled", z.object({ ...common, reason: text }), {
    description: "The change was cancelled before implementation started.",
  }),
} as const;

/** The catalogue of change management's events, for stores and the engine. */
export const changeCatalogue = createEventCatalogue(Object.values(changeEvents));

/** An event of change management. */
export type ChangeEvent = EventOf<(typeof changeEvents)[keyof typeof changeEvents]>;
/** An event's `type`. */
export type ChangeEventType = ChangeEvent["type"];
/** The event of a given type. */
export type ChangeEventOf<T extends ChangeEventType> = Extract<ChangeEvent, { type: T }>;
