import { left, right } from "fp-ts/lib/Either.js";
import { stamp, type ReleaseCommandHandler } from "./decide-support.js";
import { releaseErrors } from "./errors.js";
import { isDeployedTo, latestBuild } from "./queries.js";

/**
 * Deploys the approved release at its approved build. Production's own conditions (a
 * back-out plan, the last test iteration passed: rechecked, since the policy may have let
 * approval through in record mode) are release management's rules in `releaseRules`.
 */
export const deployRelease: ReleaseCommandHandler<"release.deploy"> = (command, release, facts) => {
  const build = release.approval?.build ?? latestBuild(release)?.number ?? 1;
  return right([{ type: "release.deployed", data: { ...stamp(release.releaseId, facts), environment: command.environment, build } }]);
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
