export {
  PlanRelease,
  BuildRelease,
  StartTestIteration,
  PassTestIteration,
  FailTestIteration,
  ApproveRelease,
  DeployRelease,
  RollBackRelease,
  CloseRelease,
  DocumentBackOutPlan,
  ReleaseCommand,
} from "./commands.js";
export type { ReleaseCommandType, ReleaseCommandOf } from "./commands.js";
export { releaseEvents, releaseCatalogue } from "./events.js";
export type { ReleaseEvent, ReleaseEventType, ReleaseEventOf } from "./events.js";
export { ReleasedCi, DEPLOYMENT_ENVIRONMENTS, DeploymentEnvironment, RuleFinding } from "./values.js";
export type { ReleaseStatus, ReleaseStimulus } from "./lifecycle.js";
export { RELEASE_STATUSES, releaseStimulusOf, releaseLifecycle, statusAfter as releaseStatusAfter } from "./lifecycle.js";
export type { ReleaseState, PlannedRelease, ReleaseBuild, TestIteration, ReleaseApproval, ReleaseDeployment } from "./state.js";
export { initialReleaseState, plannedRelease } from "./state.js";
export type { ReleaseFacts } from "./facts.js";
export { latestBuild, lastTestIteration, whyNotTested, lastIterationPassed, hasBackOutPlan, isDeployedTo, isInProduction, awaitsApproval } from "./queries.js";
export type { ReleaseChangeFact, ReleaseRuleFacts } from "./rules.js";
export {
  RELEASE_APPROVER_ROLE,
  releaseRules,
  approverHoldsRole,
  approverTookNoPart,
  changesAuthorised,
  lastIterationPassedOnLatestBuild,
  backOutPlanForProduction,
  approvedBeforeDeployment,
} from "./rules.js";
export { releaseProcess } from "./descriptor.js";
export type { ReleaseErrorCode } from "./errors.js";
export { RELEASE_ERRORS, releaseError, releaseErrors, releaseLabel } from "./errors.js";
export { decideRelease, releaseDecider, streamIdOfRelease } from "./decide.js";
export { evolveRelease } from "./evolve.js";
export type { ReleaseRule } from "./rules.js";
