import { left, right } from "fp-ts/lib/Either.js";
import { stamp, type CommandHandler } from "./decide-support.js";
import { changeError, changeLabel } from "./errors.js";

/**
 * Answers a retrospective rejection: only an emergency change the CAB rejected in its
 * retrospective review, not answered yet, with exactly one of a follow-up change (which the
 * `references_exist` rule checks is in the log) or an accepted reason.
 */
export const answerRejection: CommandHandler<"change.answer_rejection"> = (command, change, facts) => {
  const label = changeLabel(change.changeId);
  const review = change.retrospectiveReview;
  if (review?.verdict !== "rejected") {
    const where = review === undefined ? "has no retrospective verdict" : "was endorsed in its retrospective review";
    return left(changeError("not_rejected", `${label} ${where}; only a change the CAB rejected in its retrospective review is answered`, { changeId: change.changeId }));
  }
  if (review.answer !== undefined) {
    return left(changeError("not_rejected", `${label}: its retrospective rejection was answered already on ${review.answer.at}; nothing is left to answer`, { changeId: change.changeId }));
  }
  const { followUpChangeId, acceptedReason } = command;
  if ((followUpChangeId === undefined) === (acceptedReason === undefined)) {
    return left(changeError("answer_required", `${label}: answer the rejection with exactly one of followUpChangeId (the change that puts it right) or acceptedReason (why it stands as it is)`, { changeId: change.changeId }));
  }
  const answer = followUpChangeId === undefined ? { acceptedReason } : { followUpChangeId };
  return right([{ type: "change.retrospective_rejection_answered", data: { ...stamp(change.changeId, facts), ...answer } }]);
};
