import { instantInSpan, type ChangeId, type CiId, type TimeWindow } from "@handover/itil";
import type { ChangeStatus } from "./lifecycle.js";
import { coveredCis, type ChangeState } from "./state.js";
import type { ChangeType } from "./values.js";

/** The states in which a change's authorisation covers work: from authorised until its review (the `inForce` group of its descriptor). */
export const AUTHORISATION_IN_FORCE: readonly ChangeStatus[] = ["authorised", "scheduled", "implementing", "implemented"];

/**
 * True when the change was authorised (by template, CAB or ECAB) and not cancelled since:
 * what a release needs of each of its changes (a closed change was authorised too).
 */
export function isChangeAuthorised(state: ChangeState): boolean {
  return state.authorisation !== undefined && state.status !== "cancelled";
}

/** True while the change's authorisation covers work: authorised, scheduled, implementing or implemented (until its review). */
export function isAuthorisationInForce(state: ChangeState): boolean {
  return state.authorisation !== undefined && AUTHORISATION_IN_FORCE.includes(state.status);
}

/** What a change covers, for the change calendar. */
export interface ChangeCoverage {
  readonly changeId: ChangeId;
  readonly changeType: ChangeType;
  readonly status: ChangeStatus;
  /** True while the authorisation is in force (see `isAuthorisationInForce`). */
  readonly authorised: boolean;
  /** Solution-level targets and the CIs the assessment names as affected. */
  readonly ciIds: readonly CiId[];
  /** The scheduled window; absent while the change has none (an emergency may start unscheduled). */
  readonly window?: TimeWindow;
}

/** The coverage of a raised change, or undefined before it is raised. */
export function changeCoverage(state: ChangeState): ChangeCoverage | undefined {
  if (state.changeId === undefined || state.changeType === undefined || state.status === "none") return undefined;
  const coverage = {
    changeId: state.changeId,
    changeType: state.changeType,
    status: state.status,
    authorised: isAuthorisationInForce(state),
    ciIds: coveredCis(state),
  };
  return state.schedule === undefined ? coverage : { ...coverage, window: state.schedule.window };
}

/** Why a change does not authorise changing a CI at an instant. */
export type CoverageGap = "change_not_authorised" | "project_level" | "ci_not_named" | "no_window" | "outside_window";

/** Whether a change authorises changing a CI at an instant: yes, or the gap with a sentence. */
export type CoverageVerdict = { readonly covers: true } | { readonly covers: false; readonly gap: CoverageGap; readonly message: string };

/**
 * The window in which an authorised change covers its CIs: its scheduled window; for an
 * emergency implemented without one, from its authorisation until its implementation
 * completed (open while it runs). Undefined: a normal or standard change not scheduled.
 */
export function coverageWindow(state: ChangeState): { readonly start: string; readonly end?: string } | undefined {
  if (state.schedule !== undefined) return state.schedule.window;
  const since = state.authorisation?.at;
  if (state.changeType !== "emergency" || since === undefined) return undefined;
  const until = state.implementation?.completedAt;
  return until === undefined ? { start: since } : { start: since, end: until };
}

/**
 * The one answer to "does change C authorise changing CI X at time t": its authorisation is
 * in force, it is a solution-level change (a project-level change governs scope and
 * requirements; its affected CIs are information, not authorisation), it covers the CI
 * (its targets or affected CIs), and t lies in its
 * `coverageWindow`. An emergency's window ends when its implementation completed: a CI
 * changed after that needs another change.
 */
export function coverageOf(state: ChangeState, ciId: CiId, at: string): CoverageVerdict {
  const changeId = state.changeId ?? "";
  if (!isAuthorisationInForce(state)) return { covers: false, gap: "change_not_authorised", message: `change ${changeId} is ${state.status}, not an authorisation in force` };
  if (state.scope?.level === "project") {
    const target = `${state.scope.target.kind} ${state.scope.target.id}`;
    return { covers: false, gap: "project_level", message: `change ${changeId} is a project-level change (on ${target}): it governs scope and requirements, and the CIs its assessment names are information, not authorisation; raise a solution-level change that names ${ciId}` };
  }
  const ciIds = coveredCis(state);
  if (!ciIds.includes(ciId)) return { covers: false, gap: "ci_not_named", message: `change ${changeId} does not name ${ciId} (it names ${ciIds.join(", ") || "no CI"})` };
  const window = coverageWindow(state);
  if (window === undefined) return { covers: false, gap: "no_window", message: `change ${changeId} has no implementation window` };
  if (instantInSpan(at, window)) return { covers: true };
  const span = window.end === undefined ? `from ${window.start}` : `${window.start} to ${window.end}`;
  const what = state.schedule === undefined ? `the emergency change ${changeId} covered its CIs ${span} (from its ECAB authorisation${window.end === undefined ? "" : " until its implementation completed"})` : `the window of change ${changeId} (${span})`;
  return { covers: false, gap: "outside_window", message: `${what} does not contain ${at}` };
}

/** True when this change authorises changing the CI at that instant (`coverageOf` covers). */
export function changeAuthorises(state: ChangeState, ciId: CiId, at: string): boolean {
  return coverageOf(state, ciId, at).covers;
}

/** True when an emergency change still waits for its retrospective CAB review (readiness: every emergency change reviewed). */
export function awaitsRetrospectiveReview(state: ChangeState): boolean {
  return state.changeType === "emergency" && state.authorisation !== undefined && state.retrospectiveReview === undefined && state.status !== "cancelled";
}

/**
 * What an emergency change still owes its retrospective review, for readiness: the review
 * itself, or an answer to the CAB's rejection (a follow-up change or an accepted reason);
 * undefined when nothing (or not an emergency change, or cancelled).
 */
export function retrospectiveOutstanding(state: ChangeState): "review" | "answer" | undefined {
  if (awaitsRetrospectiveReview(state)) return "review";
  const review = state.retrospectiveReview;
  return state.changeType === "emergency" && review?.verdict === "rejected" && review.answer === undefined ? "answer" : undefined;
}

/** The states of a change whose implementation has ended (its review and closing follow). */
const IMPLEMENTED: readonly ChangeStatus[] = ["implemented", "reviewed", "closed"];

/** True when the change's implementation completed successfully: what resolves a problem. */
export function implementedSuccessfully(state: ChangeState): boolean {
  return IMPLEMENTED.includes(state.status) && state.implementation?.outcome === "successful";
}
