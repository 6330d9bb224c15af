import { domainError, type DomainError } from "@handover/core";
import type { ReleaseStatus } from "./lifecycle.js";

/** The codes of release management's refusals (plus core's `invalid_transition`). */
export const RELEASE_ERRORS = [
  "release_not_found",
  "release_exists",
  "release_id_mismatch",
  "new_build_required",
  "changes_not_authorised",
  "outside_change_windows",
  "release_not_tested",
  "segregation_of_duties",
  "approver_role",
  "not_approved",
  "back_out_plan_required",
  "not_in_production",
] as const;
/** A code of release management's refusals. */
export type ReleaseErrorCode = (typeof RELEASE_ERRORS)[number];

/** Builds one of release management's refusals. */
export function releaseError(code: ReleaseErrorCode, message: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError(code, message, details);
}

/** How a release is named in messages: `release R-3`. */
export function releaseLabel(releaseId: string): string {
  return `release ${releaseId}`;
}

/** The sentences of release management's refusals, one builder per rule. */
export const releaseErrors = {
  notFound: (releaseId: string, command: string) =>
    releaseError("release_not_found", `${releaseLabel(releaseId)} has not been planned; plan it with release.plan before ${command}`, { releaseId }),
  exists: (releaseId: string, status: ReleaseStatus) =>
    releaseError("release_exists", `${releaseLabel(releaseId)} already exists (status "${status}"); plan a new release under another id`, { releaseId, status }),
  idMismatch: (releaseId: string, named: string) =>
    releaseError("release_id_mismatch", `${releaseLabel(releaseId)}: the command names release ${named}; send it to release ${named}'s stream`, { releaseId, named }),
  newBuildRequired: (releaseId: string, iteration: number, build: number) =>
    releaseError(
      "new_build_required",
      `${releaseLabel(releaseId)}: test iteration ${iteration} failed on build ${build}; a new build (release.build) is needed before the next test iteration`,
      { releaseId, iteration, build },
    ),
  changesNotAuthorised: (releaseId: string, pending: readonly string[]) =>
    releaseError(
      "changes_not_authorised",
      `${releaseLabel(releaseId)}: every change must be authorised before approval; not yet: ${pending.join(", ")}; authorise them first`,
      { releaseId, pending },
    ),
  changesNoLongerAuthorised: (releaseId: string, environment: string, pending: readonly string[]) =>
    releaseError(
      "changes_not_authorised",
      `${releaseLabel(releaseId)}: deployment to ${environment} needs every change it bundles still authorised; no longer: ${pending.join(", ")}; take the change out of the release (plan a new one), or authorise it again`,
      { releaseId, environment, pending },
    ),
  outsideChangeWindows: (releaseId: string, at: string, windows: readonly string[]) =>
    releaseError(
      "outside_change_windows",
      `${releaseLabel(releaseId)}: deployment to production at ${at} lies in no window of the changes it bundles (${windows.join("; ")}); deploy inside a change's window, or schedule a change for the deployment`,
      { releaseId, at, windows },
    ),
  notTested: (releaseId: string, why: string, build: number | undefined) =>
    releaseError(
      "release_not_tested",
      `${releaseLabel(releaseId)}: the last test iteration must have passed on the latest build; ${why}; run a test iteration on build ${build ?? "1"} and pass it`,
      { releaseId, build },
    ),
  ownRelease: (releaseId: string, actor: string, part: string, role: string) =>
    releaseError("segregation_of_duties", `${releaseLabel(releaseId)}: ${actor} ${part} and cannot approve it; another ${role} must approve`, { releaseId, actor, part }),
  approverRole: (releaseId: string, actor: string, role: string) =>
    releaseError("approver_role", `${releaseLabel(releaseId)}: ${actor} cannot approve a release: the role ${role} is needed; ask a holder of ${role} to approve`, {
      releaseId,
      actor,
      role,
    }),
  notApproved: (releaseId: string, status: ReleaseStatus) =>
    releaseError("not_approved", `${releaseLabel(releaseId)}: deployment needs approval and the release is "${status}"; approve it first (release.approve)`, { releaseId, status }),
  backOutPlanRequired: (releaseId: string) =>
    releaseError(
      "back_out_plan_required",
      `${releaseLabel(releaseId)}: production deployment needs a back-out plan; write one down with release.document_back_out_plan`,
      { releaseId },
    ),
  notInProduction: (releaseId: string, environments: readonly string[]) =>
    releaseError(
      "not_in_production",
      `${releaseLabel(releaseId)}: only a production deployment is rolled back, and the release was deployed to ${environments.join(", ")} only; deploy to production first or leave it`,
      { releaseId, environments },
    ),
} as const;
