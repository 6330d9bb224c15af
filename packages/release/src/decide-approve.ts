import type { Role } from "@handover/itil";
import { right } from "fp-ts/lib/Either.js";
import { optional, stamp, type ReleaseCommandHandler } from "./decide-support.js";
import { releaseErrors } from "./errors.js";
import type { ReleaseFacts } from "./facts.js";
import { latestBuild, whyNotTested } from "./queries.js";
import { applyRuleModes, findingsField, type RuleBreach } from "./rule-modes.js";
import type { PlannedRelease } from "./state.js";

/**
 * The role that approves releases: the change manager, because approving a release is
 * the change authority's call on the bundle of changes it carries, and it keeps approval
 * out of the hands of the release manager who planned and drives the release.
 */
export const RELEASE_APPROVER_ROLE: Role = "change_manager";

/** The release-tested rule as a breach, when the release breaks it. */
export function testedBreach(release: PlannedRelease): RuleBreach[] {
  const why = whyNotTested(release);
  return why === undefined ? [] : [{ rule: "release_tested", error: releaseErrors.notTested(release.releaseId, why, latestBuild(release)?.number) }];
}

function approvalBreaches(release: PlannedRelease, facts: ReleaseFacts): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const pending = release.changeIds.filter((changeId) => facts.changes[changeId]?.authorised !== true);
  if (pending.length > 0) {
    const described = pending.map((changeId) => `${changeId} (${facts.changes[changeId]?.status ?? "unknown"})`);
    breaches.push({ rule: "release_changes_authorised", error: releaseErrors.changesNotAuthorised(release.releaseId, described) });
  }
  breaches.push(...testedBreach(release));
  const built = release.builds.filter((build) => build.by === facts.actor).map((build) => build.number);
  const part = facts.actor === release.plannedBy ? "planned this release" : built.length > 0 ? `built build ${built.join(", ")} of this release` : undefined;
  if (part !== undefined) breaches.push({ rule: "segregation_of_duties", error: releaseErrors.ownRelease(release.releaseId, facts.actor, part, RELEASE_APPROVER_ROLE) });
  if (!facts.roles.includes(RELEASE_APPROVER_ROLE)) breaches.push({ rule: "approver_role", error: releaseErrors.approverRole(release.releaseId, facts.actor, RELEASE_APPROVER_ROLE) });
  return breaches;
}

/**
 * Approves the release at its latest build. Every change it bundles is authorised, its last
 * test iteration passed on that build, and the approver holds the change manager role and
 * neither planned the release nor built it: each rule enforced, or recorded as the policy says.
 */
export const approveRelease: ReleaseCommandHandler<"release.approve"> = (command, release, facts) => {
  const findings = applyRuleModes(facts.policy.control, approvalBreaches(release, facts));
  if (findings._tag === "Left") return findings;
  return right([
    {
      type: "release.approved",
      data: {
        ...stamp(release.releaseId, facts),
        build: latestBuild(release)?.number ?? 1,
        ...optional("comment", command.comment),
        ...findingsField(findings.right),
      },
    },
  ]);
};
