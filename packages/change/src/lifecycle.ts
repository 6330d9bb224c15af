import { domainError, transition, type DomainError, type Lifecycle } from "@handover/core";
import { left, type Either } from "fp-ts/lib/Either.js";
import type { ChangeCommandType } from "./commands.js";
import type { ChangeEventType } from "./events.js";
import type { ChangeType } from "./values.js";

/** The states of a change; `none` is a change not raised yet. */
export const CHANGE_STATUSES = [
  "none",
  "raised",
  "assessed",
  "rejected",
  "authorised",
  "scheduled",
  "implementing",
  "implemented",
  "reviewed",
  "closed",
  "cancelled",
] as const;
/** A state of a change. */
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/**
 * What moves a change: one stimulus per command, plus `authorise` and `reject`, which no
 * command names: they are reached when the votes meet the policy's rule.
 */
export type ChangeStimulus =
  | "raise"
  | "assess"
  | "vote"
  | "authorise"
  | "reject"
  | "revise"
  | "schedule"
  | "start"
  | "complete"
  | "review"
  | "close"
  | "cancel"
  | "answer";

/** The stimulus each command is looked up by in the lifecycle tables. */
export const stimulusOf: Readonly<Record<ChangeCommandType, ChangeStimulus>> = {
  "change.raise": "raise",
  "change.assess": "assess",
  "change.vote": "vote",
  "change.revise": "revise",
  "change.schedule": "schedule",
  "change.start_implementation": "start",
  "change.complete_implementation": "complete",
  "change.review": "review",
  "change.close": "close",
  "change.cancel": "cancel",
  "change.answer_rejection": "answer",
};

/** The command each stimulus stands for, for messages (`authorise` and `reject` have none). */
const commandOf: Partial<Record<ChangeStimulus, ChangeCommandType>> = Object.fromEntries(
  Object.entries(stimulusOf).map(([command, stimulus]) => [stimulus, command]),
);

const afterAuthorisation = {
  implementing: { complete: "implemented" },
  implemented: { review: "reviewed" },
  reviewed: { close: "closed" },
  closed: {},
  cancelled: {},
} as const;

/** A normal change: assessed, voted on by the CAB, scheduled, implemented, reviewed, closed. */
export const normalChangeLifecycle: Lifecycle<ChangeStatus, ChangeStimulus> = {
  none: { raise: "raised" },
  raised: { assess: "assessed", cancel: "cancelled" },
  assessed: { vote: "assessed", authorise: "authorised", reject: "rejected", cancel: "cancelled" },
  rejected: { revise: "raised", cancel: "cancelled" },
  authorised: { schedule: "scheduled", cancel: "cancelled" },
  scheduled: { schedule: "scheduled", start: "implementing", cancel: "cancelled" },
  ...afterAuthorisation,
};

/** A standard change: authorised on raising from its template, then as a normal change from authorised on. */
export const standardChangeLifecycle: Lifecycle<ChangeStatus, ChangeStimulus> = {
  none: { raise: "authorised" },
  raised: {},
  assessed: {},
  rejected: {},
  authorised: { schedule: "scheduled", cancel: "cancelled" },
  scheduled: { schedule: "scheduled", start: "implementing", cancel: "cancelled" },
  ...afterAuthorisation,
};

/**
 * An emergency change: assessed and voted on by the ECAB; once authorised it may start at
 * once (or be scheduled), and the CAB votes retrospectively (`vote`) until it closes. A
 * rejection in that review is answered (`answer`) whenever it comes, after closing too.
 */
export const emergencyChangeLifecycle: Lifecycle<ChangeStatus, ChangeStimulus> = {
  none: { raise: "raised" },
  raised: { assess: "assessed", cancel: "cancelled" },
  assessed: { vote: "assessed", authorise: "authorised", reject: "rejected", cancel: "cancelled" },
  rejected: { revise: "raised", cancel: "cancelled" },
  authorised: { vote: "authorised", answer: "authorised", schedule: "scheduled", start: "implementing", cancel: "cancelled" },
  scheduled: { vote: "scheduled", answer: "scheduled", schedule: "scheduled", start: "implementing", cancel: "cancelled" },
  implementing: { vote: "implementing", answer: "implementing", complete: "implemented" },
  implemented: { vote: "implemented", answer: "implemented", review: "reviewed" },
  reviewed: { vote: "reviewed", answer: "reviewed", close: "closed" },
  closed: { answer: "closed" },
  cancelled: {},
};

/** The lifecycle table of each type of change, for decide and for the docs. */
export const changeLifecycles: Readonly<Record<ChangeType, Lifecycle<ChangeStatus, ChangeStimulus>>> = {
  standard: standardChangeLifecycle,
  normal: normalChangeLifecycle,
  emergency: emergencyChangeLifecycle,
};

/**
 * Looks a stimulus up in the change's table: the next state, or an error naming the
 * change, the command, the state and the commands the state accepts (outcomes of votes,
 * which no command names, are left out of that list).
 */
export function nextStatus(
  changeType: ChangeType,
  changeLabel: string,
  status: ChangeStatus,
  stimulus: ChangeStimulus,
): Either<DomainError, ChangeStatus> {
  const looked = transition(changeLifecycles[changeType], changeLabel, status, stimulus);
  if (looked._tag === "Right") return looked;
  const accepted = (Object.keys(changeLifecycles[changeType][status]) as ChangeStimulus[]).filter((each) => commandOf[each] !== undefined);
  const accepts = accepted.length === 0 ? `"${status}" is final` : `"${status}" accepts: ${accepted.join(", ")}`;
  const message = `${changeLabel}: cannot "${stimulus}" while "${status}" (${changeType} change); ${accepts}`;
  return left(domainError(looked.left.code, message, { ...looked.left.details, changeType, accepted }));
}

/** The stimulus each event answers to in the tables; a retrospective verdict moves nothing. */
const STIMULUS_OF_EVENT: Readonly<Record<ChangeEventType, ChangeStimulus | undefined>> = {
  "change.raised": "raise",
  "change.assessed": "assess",
  "change.vote_cast": "vote",
  "change.authorised": "authorise",
  "change.rejected": "reject",
  "change.revised": "revise",
  "change.scheduled": "schedule",
  "change.implementation_started": "start",
  "change.implemented": "complete",
  "change.retrospectively_reviewed": undefined,
  "change.retrospective_rejection_answered": "answer",
  "change.reviewed": "review",
  "change.closed": "close",
  "change.cancelled": "cancel",
};

/** Where an event lands when the table does not accept it (imported history; a decided event never does). */
const LANDING: Readonly<Partial<Record<ChangeStimulus, ChangeStatus>>> = {
  raise: "raised",
  assess: "assessed",
  authorise: "authorised",
  reject: "rejected",
  revise: "raised",
  schedule: "scheduled",
  start: "implementing",
  complete: "implemented",
  review: "reviewed",
  close: "closed",
  cancel: "cancelled",
};

/**
 * The state an event leaves a change in: where the change type's table says, or, for an
 * event the table does not accept (imported history), where the event lands. A standard
 * change's raising lands it authorised, as its table says; the authorisation that follows
 * leaves it there.
 */
export function statusAfter(changeType: ChangeType, status: ChangeStatus, type: ChangeEventType): ChangeStatus {
  const stimulus = STIMULUS_OF_EVENT[type];
  if (stimulus === undefined) return status;
  const row: Partial<Record<ChangeStimulus, ChangeStatus>> = changeLifecycles[changeType][status];
  return row[stimulus] ?? LANDING[stimulus] ?? status;
}
