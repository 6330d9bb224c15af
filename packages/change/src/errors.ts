import { domainError, type DomainError } from "@handover/core";
import type { CiId, TimeWindow } from "@handover/itil";
import type { ChangeStatus } from "./lifecycle.js";
import { describeConflict } from "./schedule-conflicts.js";
import type { ScheduleConflict, VoteRound } from "./values.js";

/** The codes of change management's refusals (plus core's `invalid_transition`). */
export const CHANGE_ERRORS = [
  "change_not_found",
  "change_exists",
  "change_id_mismatch",
  "template_required",
  "template_not_allowed",
  "template_unknown",
  "template_ci_type",
  "back_out_plan_required",
  "approver_role",
  "segregation_of_duties",
  "already_voted",
  "retrospective_review_concluded",
  "not_authorised",
  "schedule_conflict",
  "outside_schedule_window",
  "retrospective_review_required",
  "not_rejected",
  "answer_required",
] as const;
/** A code of change management's refusals. */
export type ChangeErrorCode = (typeof CHANGE_ERRORS)[number];

/** Builds one of change management's refusals. */
export function changeError(code: ChangeErrorCode, message: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError(code, message, details);
}

/** How a change is named in messages: `change C-17`. */
export function changeLabel(changeId: string): string {
  return `change ${changeId}`;
}

const boards: Readonly<Record<VoteRound, string>> = { cab: "CAB", ecab: "ECAB", retrospective: "retrospective CAB review" };

/** The sentences of change management's refusals, one builder per rule. */
export const changeErrors = {
  notFound: (changeId: string, command: string) =>
    changeError("change_not_found", `${changeLabel(changeId)} has not been raised; raise it with change.raise before ${command}`, { changeId }),
  exists: (changeId: string, status: ChangeStatus) =>
    changeError("change_exists", `${changeLabel(changeId)} already exists (status "${status}"); raise a new change under another id`, { changeId, status }),
  idMismatch: (changeId: string, named: string) =>
    changeError("change_id_mismatch", `${changeLabel(changeId)}: the command names change ${named}; send it to change ${named}'s stream`, { changeId, named }),
  templateRequired: (changeId: string, known: readonly string[]) =>
    changeError(
      "template_required",
      `${changeLabel(changeId)}: a standard change names a template from the policy's standard catalogue (${knownTemplates(known)}); give templateId, or raise a normal change`,
      { changeId, known },
    ),
  templateNotAllowed: (changeId: string, changeType: string) =>
    changeError("template_not_allowed", `${changeLabel(changeId)}: only a standard change names a template; drop templateId or raise the ${changeType} change as standard`, { changeId }),
  templateUnknown: (changeId: string, templateId: string, known: readonly string[]) =>
    changeError(
      "template_unknown",
      `${changeLabel(changeId)}: template "${templateId}" is not in the policy's standard catalogue (${knownTemplates(known)}); use one of those or raise a normal change`,
      { changeId, templateId, known },
    ),
  templateCiType: (changeId: string, templateId: string, allowed: readonly string[], ciId: CiId, actual: string | undefined) =>
    changeError(
      "template_ci_type",
      `${changeLabel(changeId)}: template "${templateId}" may touch CI types ${allowed.join(", ")}; ${ciId} is ${actual === undefined ? "of unknown type" : `a ${actual}`}; raise a normal change for it`,
      { changeId, templateId, allowed, ciId, actual },
    ),
  backOutPlanRequired: (changeId: string, risk: string, from: string) =>
    changeError(
      "back_out_plan_required",
      `${changeLabel(changeId)}: risk ${risk} needs a back-out plan (the policy requires one from risk ${from}); add backOutPlan to the assessment`,
      { changeId, risk, requiredFrom: from },
    ),
  approverRole: (changeId: string, actor: string, round: VoteRound, role: string) =>
    changeError("approver_role", `${changeLabel(changeId)}: ${actor} cannot vote in the ${boards[round]}: the role ${role} is needed; ask a holder of ${role} to vote`, {
      changeId,
      actor,
      round,
      role,
    }),
  ownChange: (changeId: string, actor: string, part: "raised" | "assessed" | "revised", round: VoteRound) =>
    changeError("segregation_of_duties", `${changeLabel(changeId)}: ${actor} ${part} this change and cannot vote on it; another member must vote in the ${boards[round]}`, {
      changeId,
      actor,
      part,
      round,
    }),
  ownImplementation: (changeId: string, actor: string) =>
    changeError(
      "segregation_of_duties",
      `${changeLabel(changeId)}: ${actor} implemented this change and cannot review it; the post-implementation review is recorded by someone who took no part in implementing it`,
      { changeId, actor, part: "implemented" },
    ),
  alreadyVoted: (changeId: string, actor: string, round: VoteRound, vote: string) =>
    changeError("already_voted", `${changeLabel(changeId)}: ${actor} has already voted (${vote}) in the ${boards[round]}; one vote per approver, another member must vote`, {
      changeId,
      actor,
      round,
    }),
  retrospectiveConcluded: (changeId: string, verdict: string) =>
    changeError("retrospective_review_concluded", `${changeLabel(changeId)}: the retrospective CAB review has concluded (${verdict}); no more votes are taken`, { changeId, verdict }),
  notAuthorised: (quorumSentence: string, changeId: string) =>
    changeError("not_authorised", `${quorumSentence}; it can be scheduled or implemented once authorised`, { changeId }),
  scheduleConflict: (changeId: string, window: TimeWindow, conflicts: readonly ScheduleConflict[]) =>
    changeError(
      "schedule_conflict",
      `${changeLabel(changeId)}: the window ${window.start} to ${window.end} conflicts: ${conflicts.map(describeConflict).join("; ")}; choose another window or give an override reason`,
      { changeId, window, conflicts },
    ),
  outsideWindow: (changeId: string, window: TimeWindow, at: string) =>
    changeError(
      "outside_schedule_window",
      `${changeLabel(changeId)}: implementation starts inside its window ${window.start} to ${window.end}, not at ${at}; start inside the window or reschedule`,
      { changeId, window, at },
    ),
  retrospectiveRequired: (quorumSentence: string, changeId: string) =>
    changeError("retrospective_review_required", `${quorumSentence}; an emergency change closes only after its retrospective CAB review`, { changeId }),
} as const;

function knownTemplates(known: readonly string[]): string {
  return known.length === 0 ? "the catalogue is empty" : `known: ${known.join(", ")}`;
}
