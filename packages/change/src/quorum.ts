import type { ChangePolicy, Risk, Role } from "@handover/itil";
import type { Vote, VoteRound } from "./values.js";

/** Where a round of votes stands under the policy's rule. */
export type BoardOutcome = "approved" | "rejected" | "pending";

/** A round's votes counted: who approved, who rejected, and the outcome. */
export interface Tally {
  readonly approvers: readonly string[];
  readonly rejectedBy: readonly string[];
  readonly quorum: number;
  readonly outcome: BoardOutcome;
}

/** The role a voter needs in a round: ECAB members authorise emergencies; CAB members vote on normal changes and review emergencies. */
export function roleForRound(round: VoteRound): Role {
  return round === "ecab" ? "ecab_member" : "cab_member";
}

/** The approvals a round needs: the ECAB quorum for an emergency, the quorum by risk otherwise (retrospective reviews included). */
export function quorumFor(round: VoteRound, risk: Risk, policy: ChangePolicy): number {
  return round === "ecab" ? policy.ecabQuorum : policy.quorumByRisk[risk];
}

/**
 * Counts a round's votes. Approved once approvals reach the quorum. Rejected, under `any`,
 * by one rejection; under `majority`, when at least `quorum` votes are in and rejections
 * outnumber approvals. Votes are counted as they come, so the first rule met decides.
 */
export function tallyVotes(
  votes: readonly { readonly approver: string; readonly vote: Vote }[],
  quorum: number,
  rejection: ChangePolicy["rejection"],
): Tally {
  const approvers: string[] = [];
  const rejectedBy: string[] = [];
  for (const { approver, vote } of votes) {
    (vote === "approve" ? approvers : rejectedBy).push(approver);
    const outcome = outcomeOf(approvers.length, rejectedBy.length, quorum, rejection);
    if (outcome !== "pending") return { approvers, rejectedBy, quorum, outcome };
  }
  return { approvers, rejectedBy, quorum, outcome: "pending" };
}

function outcomeOf(approvals: number, rejections: number, quorum: number, rejection: ChangePolicy["rejection"]): BoardOutcome {
  if (approvals >= quorum) return "approved";
  if (rejection === "any" && rejections > 0) return "rejected";
  if (rejection === "majority" && approvals + rejections >= quorum && rejections > approvals) return "rejected";
  return "pending";
}

const boardName: Readonly<Record<VoteRound, string>> = { cab: "CAB", ecab: "ECAB", retrospective: "CAB" };

/**
 * Says what a round still needs, in the words of the issue:
 * `change C-17: needs 2 CAB approvals for risk medium, has 1 (u-104)`.
 */
export function describeQuorum(changeLabel: string, round: VoteRound, risk: Risk, quorum: number, approvers: readonly string[]): string {
  const approvals = `${quorum} ${boardName[round]} approval${quorum === 1 ? "" : "s"}`;
  const reason = round === "ecab" ? "for an emergency change" : round === "retrospective" ? `in the retrospective review for risk ${risk}` : `for risk ${risk}`;
  const has = approvers.length === 0 ? "has 0" : `has ${approvers.length} (${approvers.join(", ")})`;
  return `${changeLabel}: needs ${approvals} ${reason}, ${has}`;
}
