import type { ChangeId, CiId, Risk, TimeWindow } from "@handover/itil";
import type { ChangeStatus } from "./lifecycle.js";
import type { ChangeScope, ChangeType, ImplementationOutcome, ReviewResult, RuleFinding, ScheduleConflict, Vote, VoteRound } from "./values.js";

/** The assessment of a change, as recorded. */
export interface ChangeAssessment {
  readonly risk: Risk;
  readonly impactSummary: string;
  readonly affectedCis: readonly CiId[];
  readonly implementationPlan: string;
  readonly testPlan: string;
  readonly backOutPlan: string | undefined;
  readonly assessedBy: string;
  readonly assessedAt: string;
}

/** One vote cast on a change. */
export interface CastVote {
  readonly approver: string;
  readonly vote: Vote;
  readonly comment: string;
  readonly at: string;
  readonly findings: readonly RuleFinding[];
}

/** How and by whom a change was authorised. */
export interface ChangeAuthorisation {
  readonly basis: "standard_template" | "cab" | "ecab";
  readonly approvers: readonly string[];
  readonly at: string;
}

/** The verdict of a board: who approved and who rejected. */
export interface BoardVerdict {
  readonly approvers: readonly string[];
  readonly rejectedBy: readonly string[];
  readonly at: string;
}

/** How the project answered a retrospective rejection: a follow-up change, or an acceptance with its reason. */
export interface RejectionAnswer {
  readonly followUpChangeId?: string;
  readonly acceptedReason?: string;
  readonly at: string;
  readonly by: string;
}

/** Where a change sits on the calendar, with the conflicts that were found and accepted. */
export interface ChangeSchedule {
  readonly window: TimeWindow;
  readonly ciIds: readonly CiId[];
  readonly conflicts: readonly ScheduleConflict[];
  readonly overrideReason: string | undefined;
  readonly at: string;
  readonly by: string;
}

/** When implementation ran and how it ended. */
export interface ChangeImplementation {
  readonly startedAt: string;
  readonly startedBy: string;
  readonly completedAt: string | undefined;
  /** Who recorded the implementation's end (undefined while it runs). */
  readonly completedBy?: string | undefined;
  readonly outcome: ImplementationOutcome | undefined;
}

/** The post-implementation review. */
export interface PostImplementationReview {
  readonly result: ReviewResult;
  readonly lessons: string;
  readonly at: string;
  readonly by: string;
}

/** A change, rebuilt from its events. */
export interface ChangeState {
  readonly status: ChangeStatus;
  readonly changeId: ChangeId | undefined;
  readonly changeType: ChangeType | undefined;
  readonly scope: ChangeScope | undefined;
  readonly title: string;
  readonly description: string | undefined;
  readonly templateId: string | undefined;
  readonly requestedBy: string | undefined;
  readonly raisedAt: string | undefined;
  /** How many times the change was revised after a rejection. */
  readonly revision: number;
  /** The assessed risk, or a standard template's risk. */
  readonly risk: Risk | undefined;
  readonly assessment: ChangeAssessment | undefined;
  /** Everyone who assessed any revision of the change: none of them votes on it. */
  readonly assessors: readonly string[];
  /** Everyone who revised the change after a rejection: none of them votes on it either. */
  readonly revisers: readonly string[];
  /** The votes of the current revision's CAB or ECAB round. */
  readonly votes: readonly CastVote[];
  readonly authorisation: ChangeAuthorisation | undefined;
  readonly rejection: (BoardVerdict & { readonly round: Extract<VoteRound, "cab" | "ecab"> }) | undefined;
  /** An emergency change's retrospective CAB votes. */
  readonly retrospectiveVotes: readonly CastVote[];
  readonly retrospectiveReview: (BoardVerdict & { readonly verdict: "endorsed" | "rejected"; readonly answer?: RejectionAnswer }) | undefined;
  readonly schedule: ChangeSchedule | undefined;
  readonly implementation: ChangeImplementation | undefined;
  readonly review: PostImplementationReview | undefined;
  readonly closedAt: string | undefined;
  readonly cancellation: { readonly reason: string; readonly at: string; readonly by: string } | undefined;
}

/** A change that was raised: the fields every later command relies on are present. */
export type RaisedChange = ChangeState & {
  readonly changeId: ChangeId;
  readonly changeType: ChangeType;
  readonly scope: ChangeScope;
  readonly requestedBy: string;
};

/** The state of a change not raised yet. */
export const initialChangeState: ChangeState = {
  status: "none",
  changeId: undefined,
  changeType: undefined,
  scope: undefined,
  title: "",
  description: undefined,
  templateId: undefined,
  requestedBy: undefined,
  raisedAt: undefined,
  revision: 0,
  risk: undefined,
  assessment: undefined,
  assessors: [],
  revisers: [],
  votes: [],
  authorisation: undefined,
  rejection: undefined,
  retrospectiveVotes: [],
  retrospectiveReview: undefined,
  schedule: undefined,
  implementation: undefined,
  review: undefined,
  closedAt: undefined,
  cancellation: undefined,
};

/** The change as a raised change, or undefined while it has not been raised. */
export function raisedChange(state: ChangeState): RaisedChange | undefined {
  const { changeId, changeType, scope, requestedBy } = state;
  if (state.status === "none" || changeId === undefined || changeType === undefined || scope === undefined || requestedBy === undefined) return undefined;
  return { ...state, changeId, changeType, scope, requestedBy };
}

/** The CIs a change covers: its solution-level targets and the CIs its assessment names as affected, each once. */
export function coveredCis(state: ChangeState): readonly CiId[] {
  const targets = state.scope?.level === "solution" ? state.scope.ciIds : [];
  return [...new Set([...targets, ...(state.assessment?.affectedCis ?? [])])];
}

/** What an actor did to a change that bars them from voting on it (segregation of duties): raised, assessed or revised it; undefined when nothing. */
export function partInChange(change: ChangeState, actor: string): "raised" | "assessed" | "revised" | undefined {
  if (actor === change.requestedBy) return "raised";
  if (change.assessors.includes(actor)) return "assessed";
  return change.revisers.includes(actor) ? "revised" : undefined;
}
