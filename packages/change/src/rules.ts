import { permissionRule, phaseGateRule, referencesRule, riskAtLeast, typesTakingAPermission, type Breach, type ControlledProcess, type Permission, type ProjectPhase, type Reference, type Rule, type RuleContext } from "@handover/itil";
import { changeErrors, changeLabel } from "./errors.js";
import type { ChangeEvent, ChangeEventOf } from "./events.js";
import { describeQuorum, quorumFor, roleForRound, tallyVotes } from "./quorum.js";
import { partInChange, type ChangeState } from "./state.js";
import type { ImplementationOutcome, ReviewResult, VoteRound } from "./values.js";

/** What change management's rules read besides the change: the rule context (policy, the actors' roles, the phase). */
export type ChangeRuleFacts = RuleContext;

/** A rule of this process: a function of the state before an event, the event and the rule facts. */
export type ChangeRule = Rule<ChangeState, ChangeEvent, ChangeRuleFacts>;

/** The voters an event puts on the record: the voter of a vote; the approvers of an authorisation who never voted (imported history). */
function votersOf(state: ChangeState, event: ChangeEventOf<"change.vote_cast"> | ChangeEventOf<"change.authorised">): { voter: string; round: VoteRound }[] {
  if (event.type === "change.vote_cast") return [{ voter: event.data.by, round: event.data.round }];
  const { basis } = event.data;
  if (basis === "standard_template") return [];
  const voted = new Set(state.votes.map((vote) => vote.approver));
  return event.data.approvers.filter((approver) => !voted.has(approver)).map((voter) => ({ voter, round: basis }));
}

function isVoting(event: ChangeEvent): event is ChangeEventOf<"change.vote_cast"> | ChangeEventOf<"change.authorised"> {
  return event.type === "change.vote_cast" || event.type === "change.authorised";
}

function joined(rule: Breach["rule"], errors: readonly { readonly code: string; readonly message: string }[]): Breach | undefined {
  const first = errors[0];
  return first === undefined ? undefined : { rule, code: first.code, message: errors.map((error) => error.message).join("; ") };
}

/** Approver role: a CAB vote needs cab_member, an ECAB vote ecab_member, a retrospective review vote cab_member. */
export const voterHoldsBoardRole: ChangeRule = {
  name: "approver_role",
  summary: "a CAB vote (and a retrospective review vote) needs the cab_member role, an ECAB vote ecab_member",
  judges: ["change.vote_cast", "change.authorised"],
  check: (state, event, facts) => {
    if (!isVoting(event)) return undefined;
    const errors = votersOf(state, event)
      .filter(({ voter, round }) => !facts.rolesOf(voter).includes(roleForRound(round)))
      .map(({ voter, round }) => changeErrors.approverRole(event.data.changeId, voter, round, roleForRound(round)));
    return joined("approver_role", errors);
  },
};

/** Segregation of duties: nobody votes on a change they raised, assessed or revised. */
export const voterTookNoPart: ChangeRule = {
  name: "segregation_of_duties",
  summary: "nobody votes on a change they raised, assessed or revised",
  judges: ["change.vote_cast", "change.authorised"],
  check: (state, event) => {
    if (!isVoting(event)) return undefined;
    const errors = votersOf(state, event).flatMap(({ voter, round }) => {
      const part = partInChange(state, voter);
      return part === undefined ? [] : [changeErrors.ownChange(event.data.changeId, voter, part, round)];
    });
    return joined("segregation_of_duties", errors);
  },
};

/** Segregation of duties in review: whoever started or completed a change's implementation does not record its post-implementation review. */
export const reviewerDidNotImplement: ChangeRule = {
  name: "segregation_of_duties",
  summary: "nobody records the post-implementation review of a change they implemented",
  judges: ["change.reviewed"],
  check: (state, event) => {
    if (event.type !== "change.reviewed") return undefined;
    const implementers = [state.implementation?.startedBy, state.implementation?.completedBy];
    if (!implementers.includes(event.data.by)) return undefined;
    const error = changeErrors.ownImplementation(event.data.changeId, event.data.by);
    return { rule: "segregation_of_duties", code: error.code, message: error.message, details: { changeId: event.data.changeId, actor: event.data.by, part: "implemented" } };
  },
};

/** The permission each change event takes: votes, verdicts and authorisations take none (`approver_role` judges them). */
const PERMISSION_OF_CHANGE_EVENT: Readonly<Record<ChangeEvent["type"], Permission | undefined>> = {
  "change.raised": "change_requests",
  "change.revised": "change_requests",
  "change.assessed": "change_management",
  "change.scheduled": "change_management",
  "change.reviewed": "change_management",
  "change.closed": "change_management",
  "change.cancelled": "change_management",
  "change.implementation_started": "change_implementation",
  "change.implemented": "change_implementation",
  "change.vote_cast": undefined,
  "change.authorised": undefined,
  "change.rejected": undefined,
  "change.retrospectively_reviewed": undefined,
  "change.retrospective_rejection_answered": "change_management",
};

/**
 * The permission a change event takes (`PERMISSION_OF_CHANGE_EVENT`), except that whoever
 * requested a change may withdraw it (cancel it) as they could raise it (`change_requests`),
 * a standard change, pre-authorised, is scheduled by whoever may implement it
 * (`change_implementation`), and a project-level change (to scope or requirements, no CI)
 * is implemented by anyone on the project who may request one (`change_requests`).
 */
export function permissionOfChange(event: ChangeEvent, state: ChangeState): Permission | undefined {
  if (event.type === "change.cancelled" && event.data.by === state.requestedBy) return "change_requests";
  if (event.type === "change.scheduled" && state.changeType === "standard") return "change_implementation";
  if ((event.type === "change.implementation_started" || event.type === "change.implemented") && state.scope?.level === "project") return "change_requests";
  return PERMISSION_OF_CHANGE_EVENT[event.type];
}

/** The review results consistent with each implementation outcome; any other result needs an explanation. */
export const CONSISTENT_REVIEW_RESULTS = {
  successful: ["successful", "partially_successful"],
  failed: ["unsuccessful", "partially_successful"],
  backed_out: ["unsuccessful", "partially_successful"],
} as const satisfies Readonly<Record<ImplementationOutcome, readonly ReviewResult[]>>;

/** Review consistent: a post-implementation review's result agrees with the implementation's outcome (`CONSISTENT_REVIEW_RESULTS`), or explains the difference. */
export const reviewAgreesWithOutcome: ChangeRule = {
  name: "review_consistent",
  summary: "a post-implementation review's result agrees with the implementation's outcome (a failed or backed-out implementation is not reviewed as successful), or explains the difference",
  judges: ["change.reviewed"],
  check: (state, event) => {
    const outcome = state.implementation?.outcome;
    if (event.type !== "change.reviewed" || outcome === undefined || event.data.explanation !== undefined) return undefined;
    const consistent: readonly ReviewResult[] = CONSISTENT_REVIEW_RESULTS[outcome];
    if (consistent.includes(event.data.result)) return undefined;
    const message = `${changeLabel(event.data.changeId)}: reviewed as ${event.data.result} although its implementation ended ${outcome}; review it as ${consistent.join(" or ")}, or give the explanation of the difference`;
    return { rule: "review_consistent", code: "review_contradicts_outcome", message, details: { changeId: event.data.changeId, outcome, result: event.data.result } };
  },
};

/**
 * The ids a change event names that other processes own: the follow-up change of an answer
 * to a retrospective rejection; and, when a project-level change's implementation completes,
 * the requirement or scope item it targets, a CI of the log by then (a change that brings a
 * new requirement in registers it while it is implemented, so it is not judged when raised).
 */
export function referencesOfChange(event: ChangeEvent, state: ChangeState): readonly Reference[] {
  if (event.type === "change.retrospective_rejection_answered" && event.data.followUpChangeId !== undefined) return [{ kind: "change", noun: "change", id: event.data.followUpChangeId, field: "followUpChangeId" }];
  if (event.type === "change.implemented" && state.scope?.level === "project") return [{ kind: "configuration", noun: "CI", id: state.scope.target.id, field: `scope.target (${state.scope.target.kind})` }];
  return [];
}

/** Back-out plan by risk: an assessment at or above the policy's risk names a back-out plan. */
export const backOutPlanByRisk: ChangeRule = {
  name: "back_out_plan",
  summary: "a change assessed at or above the policy's risk (backOutPlanRequiredFrom) has a back-out plan",
  judges: ["change.assessed"],
  check: (_state, event, facts) => {
    if (event.type !== "change.assessed" || event.data.backOutPlan !== undefined) return undefined;
    const from = facts.policy.change.backOutPlanRequiredFrom;
    if (!riskAtLeast(event.data.risk, from)) return undefined;
    const error = changeErrors.backOutPlanRequired(event.data.changeId, event.data.risk, from);
    return { rule: "back_out_plan", code: error.code, message: error.message };
  },
};

/** Emergency review: an emergency change closes only after its retrospective CAB review. */
export const emergencyReviewedBeforeClosing: ChangeRule = {
  name: "emergency_review",
  summary: "an emergency change closes only after its retrospective CAB review reached a verdict",
  judges: ["change.closed"],
  check: (state, event, facts) => {
    if (event.type !== "change.closed" || state.changeType !== "emergency" || state.retrospectiveReview !== undefined) return undefined;
    const risk = state.risk ?? "high";
    const quorum = quorumFor("retrospective", risk, facts.policy.change);
    const { approvers } = tallyVotes(state.retrospectiveVotes, quorum, facts.policy.change.rejection);
    const error = changeErrors.retrospectiveRequired(describeQuorum(changeLabel(event.data.changeId), "retrospective", risk, quorum, approvers), event.data.changeId);
    return { rule: "emergency_review", code: error.code, message: error.message };
  },
};

/**
 * The controlled process a change event starts using, for the phase gate: raising a
 * project-level change uses `project_change`, raising any other `solution_change` (from the
 * phase `policy.change.solutionChangesRaisedFrom`, so the CAB has lead time); starting to
 * implement a solution-level change uses `solution_change` from its own phase. Other events
 * work on a change already raised.
 */
export function controlledProcessOfChange(state: ChangeState, event: ChangeEvent): ControlledProcess | undefined {
  if (event.type === "change.raised") return event.data.scope.level === "project" ? "project_change" : "solution_change";
  if (event.type === "change.implementation_started") return state.scope?.level === "solution" ? "solution_change" : undefined;
  return undefined;
}

/** The phase a solution-level change may be raised from (`policy.change.solutionChangesRaisedFrom`); undefined for every other gated event: its process's own phase. */
export function earlierPhaseOfChange(event: ChangeEvent, facts: ChangeRuleFacts): ProjectPhase | undefined {
  return event.type === "change.raised" && event.data.scope.level === "solution" ? facts.policy.change.solutionChangesRaisedFrom : undefined;
}

/** Change management's rules, in the order a decision and the audit apply them. */
export const changeRules: readonly ChangeRule[] = [
  phaseGateRule<ChangeState, ChangeEvent, ChangeRuleFacts>(["change.raised", "change.implementation_started"], controlledProcessOfChange, (event) => changeLabel(event.data.changeId), earlierPhaseOfChange),
  voterHoldsBoardRole,
  permissionRule<ChangeState, ChangeEvent, ChangeRuleFacts>(permissionOfChange, (event) => changeLabel(event.data.changeId), typesTakingAPermission(PERMISSION_OF_CHANGE_EVENT)),
  referencesRule<ChangeState, ChangeEvent, ChangeRuleFacts>(["change.retrospective_rejection_answered", "change.implemented"], referencesOfChange, (event) => changeLabel(event.data.changeId)),
  voterTookNoPart,
  reviewerDidNotImplement,
  reviewAgreesWithOutcome,
  backOutPlanByRisk,
  emergencyReviewedBeforeClosing,
];
