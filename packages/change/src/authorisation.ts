import { instantInWindow, type ChangeId, type CiId, type TimeWindow } from "@handover/itil";
import type { ChangeStatus } from "./lifecycle.js";
import { coveredCis, type ChangeState } from "./state.js";
import type { ChangeType } from "./values.js";

const IN_FORCE: readonly ChangeStatus[] = ["authorised", "scheduled", "implementing", "implemented"];

/**
 * True when the change was authorised (by template, CAB or ECAB) and not cancelled since:
 * what a release needs of each of its changes (a closed change was authorised too).
 */
export function isChangeAuthorised(state: ChangeState): boolean {
  return state.authorisation !== undefined && state.status !== "cancelled";
}

/** True while the change's authorisation covers work: authorised, scheduled, implementing or implemented (until its review). */
export function isAuthorisationInForce(state: ChangeState): boolean {
  return state.authorisation !== undefined && IN_FORCE.includes(state.status);
}

/** What a change covers, for the engine and projections (CI change control, change calendar). */
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

/**
 * True when this change authorises changing the CI at that instant: its authorisation is in
 * force, it covers the CI, and the instant lies in its scheduled window; an emergency
 * without a window authorises from its authorisation on.
 */
export function changeAuthorises(state: ChangeState, ciId: CiId, at: string): boolean {
  const coverage = changeCoverage(state);
  if (coverage === undefined || !coverage.authorised || !coverage.ciIds.includes(ciId)) return false;
  if (coverage.window !== undefined) return instantInWindow(at, coverage.window);
  const since = state.authorisation?.at;
  return coverage.changeType === "emergency" && since !== undefined && Date.parse(since) <= Date.parse(at);
}

/** True when an emergency change still waits for its retrospective CAB review (readiness: every emergency change reviewed). */
export function awaitsRetrospectiveReview(state: ChangeState): boolean {
  return state.changeType === "emergency" && state.authorisation !== undefined && state.retrospectiveReview === undefined && state.status !== "cancelled";
}
