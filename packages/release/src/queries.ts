import type { ReleaseBuild, ReleaseState, TestIteration } from "./state.js";
import type { DeploymentEnvironment } from "./values.js";

/** The latest build, or undefined before the first. */
export function latestBuild(state: ReleaseState): ReleaseBuild | undefined {
  return state.builds.at(-1);
}

/** The latest test iteration, or undefined before the first. */
export function lastTestIteration(state: ReleaseState): TestIteration | undefined {
  return state.iterations.at(-1);
}

/** Why the release is not tested enough to approve or to go to production, or undefined when its last iteration passed on its latest build. */
export function whyNotTested(state: ReleaseState): string | undefined {
  const build = latestBuild(state);
  const iteration = lastTestIteration(state);
  if (build === undefined) return "the release has not been built";
  if (iteration === undefined) return `no test iteration has run on build ${build.number}`;
  if (iteration.build !== build.number) return `build ${build.number} has not been tested (iteration ${iteration.number} ran on build ${iteration.build})`;
  if (iteration.result === "failed") return `iteration ${iteration.number} failed on build ${iteration.build}`;
  if (iteration.result === "running") return `iteration ${iteration.number} is still running`;
  return undefined;
}

/** True when the last test iteration passed and ran on the latest build: what approval and production need. */
export function lastIterationPassed(state: ReleaseState): boolean {
  return whyNotTested(state) === undefined;
}

/** True when the release has a back-out plan. */
export function hasBackOutPlan(state: ReleaseState): boolean {
  return state.backOutPlan !== undefined;
}

/** True when the release was ever deployed to the environment. */
export function isDeployedTo(state: ReleaseState, environment: DeploymentEnvironment): boolean {
  return state.deployments.some((deployment) => deployment.environment === environment);
}

/** True when the release is in production now: deployed there and not rolled back (a closed release stays in production). */
export function isInProduction(state: ReleaseState): boolean {
  return isDeployedTo(state, "production") && state.rollback === undefined;
}

/** True while the release has not been approved: it may not be deployed anywhere yet. */
export function awaitsApproval(state: ReleaseState): boolean {
  return state.approval === undefined;
}
