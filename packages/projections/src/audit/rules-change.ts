import { changeErrors, changeLabel, partInChange, roleForRound, type ChangeEvent, type ChangeEventOf, type ChangeState, type VoteRound } from "@handover/change";
import type { RecordedEvent } from "@handover/core";
import { rolesOf, type CrossProcessRule } from "@handover/itil";
import type { History } from "../history/history.js";
import type { FindingKind, FindingsCollector } from "./finding.js";

/** The breaches of one voter on a change: the board's role missing, or the voter raised, assessed or revised it (change management's own sentences). */
function voterBreaches(change: ChangeState, changeId: string, voter: string, round: VoteRound, history: History): { kind: FindingKind; rule: CrossProcessRule; message: string }[] {
  const breaches: { kind: FindingKind; rule: CrossProcessRule; message: string }[] = [];
  const role = roleForRound(round);
  if (!rolesOf(history.policy().roles, voter).includes(role)) breaches.push({ kind: "approver_role", rule: "approver_role", message: changeErrors.approverRole(changeId, voter, round, role).message });
  const part = partInChange(change, voter);
  if (part !== undefined) breaches.push({ kind: "segregation_of_duties", rule: "segregation_of_duties", message: changeErrors.ownChange(changeId, voter, part, round).message });
  return breaches;
}

function checkVote(event: RecordedEvent<ChangeEventOf<"change.vote_cast">>, change: ChangeState, history: History, findings: FindingsCollector): void {
  const { changeId, by, round } = event.data;
  for (const breach of voterBreaches(change, changeId, by, round, history)) findings.add(event, changeId, { ...breach, source: "replay" });
  for (const recorded of event.data.findings ?? []) {
    const kind: FindingKind = recorded.rule === "segregation_of_duties" ? "segregation_of_duties" : "approver_role";
    findings.add(event, changeId, { kind, rule: recorded.rule, message: recorded.message, source: "recorded" });
  }
}

/** An authorisation whose approvers never voted in the log (imported history): each approver is judged as a voter. */
function checkAuthorisation(event: RecordedEvent<ChangeEventOf<"change.authorised">>, change: ChangeState, history: History, findings: FindingsCollector): void {
  const { changeId, basis } = event.data;
  if (basis === "standard_template") return;
  const voted = new Set(change.votes.map((vote) => vote.approver));
  for (const approver of event.data.approvers.filter((each) => !voted.has(each))) {
    for (const breach of voterBreaches(change, changeId, approver, basis, history)) findings.add(event, changeId, { ...breach, source: "replay" });
  }
}

/**
 * Change management's rules, judged by replay before the event is applied: approvals by
 * the requester or assessor, or by someone without the board's role (and the findings
 * votes recorded in record mode); an emergency change closed without its retrospective review.
 */
export function checkChangeEvent(event: RecordedEvent<ChangeEvent>, history: History, findings: FindingsCollector): void {
  const tracked = history.aggregates.changes.get(event.data.changeId);
  if (tracked === undefined) return;
  const change = tracked.state;
  if (event.type === "change.vote_cast") checkVote(event, change, history, findings);
  if (event.type === "change.authorised") checkAuthorisation(event, change, history, findings);
  if (event.type === "change.closed" && change.changeType === "emergency" && change.retrospectiveReview === undefined) {
    findings.add(event, event.data.changeId, {
      kind: "emergency_not_reviewed",
      source: "replay",
      message: `${changeLabel(event.data.changeId)}: an emergency change closed without its retrospective CAB review (${change.retrospectiveVotes.length} retrospective vote(s) cast)`,
      evidence: [tracked.firstPosition],
    });
  }
}
