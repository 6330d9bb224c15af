import { left, right } from "fp-ts/lib/Either.js";
import { stamp, type CommandHandler } from "./decide-support.js";
import { changeErrors } from "./errors.js";
import type { ChangeEvent } from "./events.js";
import type { ChangeFacts } from "./facts.js";
import { quorumFor, tallyVotes, type Tally } from "./quorum.js";
import type { RaisedChange } from "./state.js";
import type { VoteRound } from "./values.js";

/** The round a vote belongs to: before authorisation the CAB (ECAB for an emergency); after it, an emergency's retrospective review. */
export function roundOf(change: RaisedChange): VoteRound {
  if (change.status !== "assessed") return "retrospective";
  return change.changeType === "emergency" ? "ecab" : "cab";
}

/**
 * Casts a vote, once a round per voter. When the votes meet the policy's rule, the change is
 * authorised or rejected (or, in a retrospective review, endorsed or rejected). Who may vote
 * (the board's role, segregation of duties) are change management's rules, judged on the
 * vote by `changeRules`.
 */
export const voteOnChange: CommandHandler<"change.vote"> = (command, change, facts) => {
  const round = roundOf(change);
  if (round === "retrospective" && change.retrospectiveReview !== undefined) {
    return left(changeErrors.retrospectiveConcluded(change.changeId, change.retrospectiveReview.verdict));
  }
  const votes = round === "retrospective" ? change.retrospectiveVotes : change.votes;
  const earlier = votes.find((vote) => vote.approver === facts.actor);
  if (earlier !== undefined) return left(changeErrors.alreadyVoted(change.changeId, facts.actor, round, earlier.vote));
  const cast: ChangeEvent = { type: "change.vote_cast", data: { ...stamp(change.changeId, facts), round, vote: command.vote, comment: command.comment } };
  // Every change that takes votes was assessed; were the risk ever missing, the strictest quorum applies.
  const risk = change.risk ?? "high";
  const tally = tallyVotes([...votes, { approver: facts.actor, vote: command.vote }], quorumFor(round, risk, facts.policy.change), facts.policy.change.rejection);
  return right([cast, ...verdictEvents(change, round, tally, facts)]);
};

function verdictEvents(change: RaisedChange, round: VoteRound, tally: Tally, facts: ChangeFacts): ChangeEvent[] {
  if (tally.outcome === "pending") return [];
  const { approvers, rejectedBy, quorum } = tally;
  const base = stamp(change.changeId, facts);
  if (round === "retrospective") {
    const verdict = tally.outcome === "approved" ? "endorsed" : "rejected";
    return [{ type: "change.retrospectively_reviewed", data: { ...base, verdict, approvers: [...approvers], rejectedBy: [...rejectedBy], quorum } }];
  }
  if (tally.outcome === "approved") return [{ type: "change.authorised", data: { ...base, basis: round, approvers: [...approvers], quorum } }];
  return [{ type: "change.rejected", data: { ...base, round, approvers: [...approvers], rejectedBy: [...rejectedBy] } }];
}
