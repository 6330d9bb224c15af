import type { ChapterAgenda } from "./agenda.js";
import { windowOf } from "./time.js";

/** Who did something, and when (a story time such as `2025-12-02 10:14`). */
export interface Act {
  readonly at: string;
  readonly by: string;
}

/** What a change targets: CIs of the solution, or a scope item or requirement of the project. */
export type ChangeTarget =
  | { readonly level: "solution"; readonly ciIds: readonly string[] }
  | { readonly level: "project"; readonly target: { readonly kind: "scope_item" | "requirement"; readonly id: string } };

/** The assessment of a normal or emergency change. */
export interface Assessment extends Act {
  readonly risk: "low" | "medium" | "high";
  readonly impactSummary: string;
  readonly affectedCis?: readonly string[];
  readonly implementationPlan: string;
  readonly testPlan: string;
  readonly backOutPlan?: string;
}

/** A CAB or ECAB member's vote. */
export interface Vote extends Act {
  readonly vote: "approve" | "reject";
  readonly comment: string;
}

/** Implementation in the window, the post-implementation review and closure. */
export interface Delivery {
  readonly scheduled: Act & { readonly window: readonly [start: string, end: string] };
  readonly started: Act;
  /** The work done under the change inside its window: CI updates, releases deployed. */
  readonly work?: (agenda: ChapterAgenda) => void;
  readonly completed: Act & { readonly outcome?: "successful" | "failed" | "backed_out"; readonly notes: string };
  readonly reviewed: Act & { readonly result?: "successful" | "partially_successful" | "unsuccessful"; readonly lessons: string };
  readonly closed?: Act;
}

/** A normal change from raising to closure; `closed` absent leaves it reviewed (an emergency closes after its retrospective). */
export interface NormalChange {
  readonly changeId: string;
  readonly title: string;
  readonly description?: string;
  readonly target: ChangeTarget;
  readonly raised: Act;
  readonly assessed: Assessment;
  readonly votes: readonly Vote[];
  readonly delivery?: Delivery;
}

/** Raises, assesses and votes on a normal change, then delivers it when the story says how. */
export function normalChange(agenda: ChapterAgenda, change: NormalChange): void {
  raise(agenda, change, "normal");
  assess(agenda, change.changeId, change.assessed);
  vote(agenda, change.changeId, change.votes);
  if (change.delivery !== undefined) deliver(agenda, change.changeId, change.delivery);
}

/** A standard change from the policy's catalogue: authorised on raising, then delivered. */
export interface StandardChange {
  readonly changeId: string;
  readonly templateId: string;
  readonly title: string;
  readonly ciIds: readonly string[];
  readonly raised: Act;
  readonly delivery: Delivery;
}

/** Raises a standard change from its template and delivers it. */
export function standardChange(agenda: ChapterAgenda, change: StandardChange): void {
  const { changeId, templateId, title, ciIds, raised } = change;
  agenda.does(raised.at, raised.by, { type: "change.raise", changeId, changeType: "standard", templateId, title, scope: { level: "solution", ciIds: [...ciIds] } });
  deliver(agenda, changeId, change.delivery);
}

/** Raises a normal or emergency change. */
export function raise(agenda: ChapterAgenda, change: Pick<NormalChange, "changeId" | "title" | "description" | "target" | "raised">, changeType: "normal" | "emergency"): void {
  const scope = change.target.level === "solution" ? { level: "solution" as const, ciIds: [...change.target.ciIds] } : { level: "project" as const, target: { ...change.target.target } };
  const description = change.description === undefined ? {} : { description: change.description };
  agenda.does(change.raised.at, change.raised.by, { type: "change.raise", changeId: change.changeId, changeType, scope, title: change.title, ...description });
}

/** Records a change's assessment. */
export function assess(agenda: ChapterAgenda, changeId: string, assessment: Assessment): void {
  const { at, by, affectedCis = [], backOutPlan, ...rest } = assessment;
  agenda.does(at, by, { type: "change.assess", changeId, ...rest, affectedCis: [...affectedCis], ...(backOutPlan === undefined ? {} : { backOutPlan }) });
}

/** Casts the votes of a board, in order. */
export function vote(agenda: ChapterAgenda, changeId: string, votes: readonly Vote[]): void {
  for (const { at, by, vote: cast, comment } of votes) agenda.does(at, by, { type: "change.vote", changeId, vote: cast, comment });
}

/** Schedules, implements (with the change's work), reviews and closes an authorised change. */
export function deliver(agenda: ChapterAgenda, changeId: string, delivery: Delivery): void {
  const { scheduled, started, completed, reviewed, closed } = delivery;
  agenda.does(scheduled.at, scheduled.by, { type: "change.schedule", changeId, window: windowOf(...scheduled.window) });
  agenda.does(started.at, started.by, { type: "change.start_implementation", changeId });
  delivery.work?.(agenda);
  agenda.does(completed.at, completed.by, { type: "change.complete_implementation", changeId, outcome: completed.outcome ?? "successful", notes: completed.notes });
  agenda.does(reviewed.at, reviewed.by, { type: "change.review", changeId, result: reviewed.result ?? "successful", lessons: reviewed.lessons });
  if (closed !== undefined) agenda.does(closed.at, closed.by, { type: "change.close", changeId });
}
