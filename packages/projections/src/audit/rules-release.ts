import { isChangeAuthorised } from "@handover/change";
import type { RecordedEvent } from "@handover/core";
import { rolesOf } from "@handover/itil";
import { hasBackOutPlan, latestBuild, RELEASE_APPROVER_ROLE, releaseErrors, releaseLabel, whyNotTested, type ReleaseEvent, type ReleaseEventOf, type ReleaseState, type RuleFinding } from "@handover/release";
import type { History } from "../history/history.js";
import type { FindingKind, FindingsCollector } from "./finding.js";

const KIND_OF_RULE: Readonly<Record<string, FindingKind>> = {
  release_changes_authorised: "release_changes_unauthorised",
  release_tested: "release_not_tested",
  segregation_of_duties: "segregation_of_duties",
  approver_role: "approver_role",
};

function addRecorded(event: RecordedEvent<ReleaseEvent>, recorded: readonly RuleFinding[] | undefined, findings: FindingsCollector): void {
  for (const finding of recorded ?? []) {
    findings.add(event, event.data.releaseId, { kind: KIND_OF_RULE[finding.rule] ?? "approver_role", rule: finding.rule, message: finding.message, source: "recorded" });
  }
}

function checkTested(event: RecordedEvent<ReleaseEvent>, release: ReleaseState, findings: FindingsCollector): void {
  const why = whyNotTested(release);
  if (why === undefined) return;
  findings.add(event, event.data.releaseId, { kind: "release_not_tested", rule: "release_tested", source: "replay", message: releaseErrors.notTested(event.data.releaseId, why, latestBuild(release)?.number).message });
}

function checkApproval(event: RecordedEvent<ReleaseEventOf<"release.approved">>, release: ReleaseState, history: History, findings: FindingsCollector): void {
  const { releaseId, by } = event.data;
  const pending = release.changeIds.filter((changeId) => {
    const change = history.aggregates.changes.get(changeId)?.state;
    return change === undefined || !isChangeAuthorised(change);
  });
  if (pending.length > 0) {
    const described = pending.map((changeId) => `${changeId} (${history.aggregates.changes.get(changeId)?.state.status ?? "unknown"})`);
    findings.add(event, releaseId, { kind: "release_changes_unauthorised", rule: "release_changes_authorised", source: "replay", message: releaseErrors.changesNotAuthorised(releaseId, described).message });
  }
  checkTested(event, release, findings);
  const built = release.builds.filter((build) => build.by === by).map((build) => build.number);
  const part = by === release.plannedBy ? "planned this release" : built.length > 0 ? `built build ${built.join(", ")} of this release` : undefined;
  if (part !== undefined) findings.add(event, releaseId, { kind: "segregation_of_duties", rule: "segregation_of_duties", source: "replay", message: releaseErrors.ownRelease(releaseId, by, part, RELEASE_APPROVER_ROLE).message });
  if (!rolesOf(history.policy().roles, by).includes(RELEASE_APPROVER_ROLE)) {
    findings.add(event, releaseId, { kind: "approver_role", rule: "approver_role", source: "replay", message: releaseErrors.approverRole(releaseId, by, RELEASE_APPROVER_ROLE).message });
  }
  addRecorded(event, event.data.findings, findings);
}

function checkProductionDeployment(event: RecordedEvent<ReleaseEventOf<"release.deployed">>, release: ReleaseState, findings: FindingsCollector): void {
  const { releaseId } = event.data;
  checkTested(event, release, findings);
  if (release.approval === undefined) {
    findings.add(event, releaseId, { kind: "release_not_approved", source: "replay", message: `${releaseLabel(releaseId)}: deployed to production without an approval` });
  }
  if (!hasBackOutPlan(release)) findings.add(event, releaseId, { kind: "release_without_back_out_plan", source: "replay", message: releaseErrors.backOutPlanRequired(releaseId).message });
  addRecorded(event, event.data.findings, findings);
}

/**
 * Release management's rules, judged by replay before the event is applied: an approval
 * with changes not authorised, an untested build, by its planner or builder, or by someone
 * without the approver's role; a production deployment without a passed last test
 * iteration, an approval or a back-out plan; and the findings the events recorded.
 */
export function checkReleaseEvent(event: RecordedEvent<ReleaseEvent>, history: History, findings: FindingsCollector): void {
  const release = history.aggregates.releases.get(event.data.releaseId)?.state;
  if (release === undefined) return;
  if (event.type === "release.approved") checkApproval(event, release, history, findings);
  if (event.type === "release.deployed" && event.data.environment === "production") checkProductionDeployment(event, release, findings);
}
