export {
  ProjectCommand,
  StartProject,
  EnterPhase,
  GrantRole,
  RevokeRole,
  AgreeServiceLevels,
  TakeBaseline,
  RequestTransition,
  WithdrawTransition,
  SignOffTransition,
  StartEarlyLifeSupport,
  EndEarlyLifeSupport,
  CloseProject,
  streamIdOfProject,
} from "./commands.js";
export type { ProjectCommandType, ProjectCommandOf } from "./commands.js";
export { projectEvents, projectCatalogue, RuleBreach } from "./events.js";
export type { ProjectEvent, ProjectEventType, ProjectEventOf } from "./events.js";
export type { ProjectFacts, TransitionReadiness, ProjectCi } from "./facts.js";
export { PROJECT_ERRORS } from "./errors.js";
export type { ProjectErrorCode } from "./errors.js";
export { PROJECT_STATUSES, projectLifecycle, phaseEntry, enteredWithEnterPhase, earliestPhase, statusAfter as projectStatusAfter } from "./lifecycle.js";
export type { ProjectRuleFacts } from "./rules.js";
export { projectRules, signedOffByServiceOwner, signedOffWhenReady, noRoleGrantedToSelf, baselinePromotesOnlyCoveredCis, permissionOfProject } from "./rules.js";
export { BASELINE_STATUSES, baselineCovers } from "./baseline-promotion.js";
export { rolesHeld } from "./roles-held.js";
export { projectProcess } from "./descriptor.js";
export type { ProjectStatus, ProjectLifecycleCommand } from "./lifecycle.js";
export { initialProjectState } from "./state.js";
export type { ProjectState, Baseline } from "./state.js";
export { projectDecider } from "./decider.js";
export { decideProject } from "./decide.js";
export { evolveProject } from "./evolve.js";
export { resolveBaselineScope } from "./decide-baseline.js";
export { effectivePolicy } from "./policy.js";
export { ServiceLevel, BaselineKind, BaselineScope, BaselineCi, FailedCheck } from "./values.js";
export type { ProjectPolicyOverrides } from "./values.js";
export type { ProjectRule } from "./rules.js";
