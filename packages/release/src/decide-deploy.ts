import { left, right } from "fp-ts/lib/Either.js";
import { testedBreach } from "./decide-approve.js";
import { stamp, type ReleaseCommandHandler } from "./decide-support.js";
import { releaseErrors } from "./errors.js";
import { hasBackOutPlan, isDeployedTo, latestBuild } from "./queries.js";
import { applyRuleModes, findingsField } from "./rule-modes.js";

/**
 * Deploys the approved release. Production also needs a back-out plan, and the last test
 * iteration passed (rechecked: the policy may have let approval through in record mode).
 */
export const deployRelease: ReleaseCommandHandler<"release.deploy"> = (command, release, facts) => {
  const production = command.environment === "production";
  if (production && !hasBackOutPlan(release)) return left(releaseErrors.backOutPlanRequired(release.releaseId));
  const findings = applyRuleModes(facts.policy.control, production ? testedBreach(release) : []);
  if (findings._tag === "Left") return findings;
  const build = release.approval?.build ?? latestBuild(release)?.number ?? 1;
  return right([{ type: "release.deployed", data: { ...stamp(release.releaseId, facts), environment: command.environment, build, ...findingsField(findings.right) } }]);
};

/** Rolls back the production deployment. */
export const rollBackRelease: ReleaseCommandHandler<"release.roll_back"> = (command, release, facts) => {
  if (!isDeployedTo(release, "production")) {
    return left(releaseErrors.notInProduction(release.releaseId, [...new Set(release.deployments.map((deployment) => deployment.environment))]));
  }
  return right([{ type: "release.rolled_back", data: { ...stamp(release.releaseId, facts), reason: command.reason } }]);
};

/** Closes the release. */
export const closeRelease: ReleaseCommandHandler<"release.close"> = (_command, release, facts) =>
  right([{ type: "release.closed", data: stamp(release.releaseId, facts) }]);
