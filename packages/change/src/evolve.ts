import type { Draft } from "immer";
import type { ChangeEvent, ChangeEventOf, ChangeEventType } from "./events.js";
import { statusAfter } from "./lifecycle.js";
import type { ChangeState } from "./state.js";

type ChangeDraft = Draft<ChangeState>;

type Appliers = { readonly [T in ChangeEventType]: (draft: ChangeDraft, event: ChangeEventOf<T>) => void };

/** How each event type changes a change. */
const appliers: Appliers = {
  "change.raised": raised,
  "change.assessed": assessed,
  "change.vote_cast": voteCast,
  "change.authorised": (draft, { data }) => {
    draft.authorisation = { basis: data.basis, approvers: [...data.approvers], at: data.at };
  },
  "change.rejected": (draft, { data }) => {
    draft.rejection = { round: data.round, approvers: [...data.approvers], rejectedBy: [...data.rejectedBy], at: data.at };
  },
  "change.revised": revised,
  "change.scheduled": scheduled,
  "change.implementation_started": (draft, { data }) => {
    draft.implementation = { startedAt: data.at, startedBy: data.by, completedAt: undefined, completedBy: undefined, outcome: undefined };
  },
  "change.implemented": implemented,
  "change.retrospectively_reviewed": (draft, { data }) => {
    draft.retrospectiveReview = { verdict: data.verdict, approvers: [...data.approvers], rejectedBy: [...data.rejectedBy], at: data.at };
  },
  "change.retrospective_rejection_answered": (draft, { data }) => {
    if (draft.retrospectiveReview === undefined) return;
    draft.retrospectiveReview.answer = { ...(data.followUpChangeId === undefined ? {} : { followUpChangeId: data.followUpChangeId }), ...(data.acceptedReason === undefined ? {} : { acceptedReason: data.acceptedReason }), at: data.at, by: data.by };
  },
  "change.reviewed": (draft, { data }) => {
    draft.review = { result: data.result, lessons: data.lessons, at: data.at, by: data.by };
  },
  "change.closed": (draft, { data }) => {
    draft.closedAt = data.at;
  },
  "change.cancelled": (draft, { data }) => {
    draft.cancellation = { reason: data.reason, at: data.at, by: data.by };
  },
};

/**
 * Applies one change event to a draft of the change: the event's data, then the state the
 * change type's lifecycle table gives (`statusAfter`). Mutates the draft and returns nothing.
 */
export function evolveChange(draft: ChangeDraft, event: ChangeEvent): void {
  const changeType = event.type === "change.raised" ? event.data.changeType : draft.changeType;
  const next = changeType === undefined ? draft.status : statusAfter(changeType, draft.status, event.type);
  // The table is indexed by the event's own type, so the applier matches the event.
  const apply = appliers[event.type] as (draft: ChangeDraft, event: ChangeEvent) => void;
  apply(draft, event);
  draft.status = next;
}

function raised(draft: ChangeDraft, { data }: ChangeEventOf<"change.raised">): void {
  draft.changeId = data.changeId;
  draft.changeType = data.changeType;
  draft.scope = structuredClone(data.scope);
  draft.title = data.title;
  draft.description = data.description;
  draft.templateId = data.templateId;
  draft.requestedBy = data.by;
  draft.raisedAt = data.at;
  draft.risk = data.risk;
}

function assessed(draft: ChangeDraft, { data }: ChangeEventOf<"change.assessed">): void {
  draft.risk = data.risk;
  draft.assessment = {
    risk: data.risk,
    impactSummary: data.impactSummary,
    affectedCis: [...data.affectedCis],
    implementationPlan: data.implementationPlan,
    testPlan: data.testPlan,
    backOutPlan: data.backOutPlan,
    assessedBy: data.by,
    assessedAt: data.at,
  };
  if (!draft.assessors.includes(data.by)) draft.assessors.push(data.by);
}

function voteCast(draft: ChangeDraft, { data }: ChangeEventOf<"change.vote_cast">): void {
  const vote = { approver: data.by, vote: data.vote, comment: data.comment, at: data.at, findings: [...(data.findings ?? [])] };
  if (data.round === "retrospective") draft.retrospectiveVotes.push(vote);
  else draft.votes.push(vote);
}

function revised(draft: ChangeDraft, { data }: ChangeEventOf<"change.revised">): void {
  draft.revision = data.revision;
  if (!draft.revisers.includes(data.by)) draft.revisers.push(data.by);
  if (data.title !== undefined) draft.title = data.title;
  if (data.description !== undefined) draft.description = data.description;
  if (data.scope !== undefined) draft.scope = structuredClone(data.scope);
  draft.risk = undefined;
  draft.assessment = undefined;
  draft.votes = [];
  draft.rejection = undefined;
}

function scheduled(draft: ChangeDraft, { data }: ChangeEventOf<"change.scheduled">): void {
  draft.schedule = {
    window: { start: data.window.start, end: data.window.end },
    ciIds: [...data.ciIds],
    conflicts: structuredClone(data.conflicts),
    overrideReason: data.overrideReason,
    at: data.at,
    by: data.by,
  };
}

function implemented(draft: ChangeDraft, { data }: ChangeEventOf<"change.implemented">): void {
  const started = draft.implementation;
  draft.implementation = {
    startedAt: started?.startedAt ?? data.at,
    startedBy: started?.startedBy ?? data.by,
    completedAt: data.at,
    completedBy: data.by,
    outcome: data.outcome,
  };
}
