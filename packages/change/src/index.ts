export {
  RaiseChange,
  AssessChange,
  VoteOnChange,
  ReviseChange,
  ScheduleChange,
  StartImplementation,
  CompleteImplementation,
  ReviewChange,
  CloseChange,
  CancelChange,
  AnswerRejection,
  ChangeCommand,
} from "./commands.js";
export type { ChangeCommandType, ChangeCommandOf } from "./commands.js";
export { changeEvents, changeCatalogue } from "./events.js";
export type { ChangeEvent, ChangeEventType, ChangeEventOf } from "./events.js";
export {
  CHANGE_TYPES,
  ChangeType,
  ProjectTarget,
  ChangeScope,
  VOTES,
  Vote,
  VOTE_ROUNDS,
  VoteRound,
  IMPLEMENTATION_OUTCOMES,
  ImplementationOutcome,
  REVIEW_RESULTS,
  ReviewResult,
  CiRelation,
  ScheduleConflict,
  RuleFinding,
} from "./values.js";
export type { ChangeStatus, ChangeStimulus } from "./lifecycle.js";
export {
  CHANGE_STATUSES,
  stimulusOf,
  normalChangeLifecycle,
  standardChangeLifecycle,
  emergencyChangeLifecycle,
  changeLifecycles,
  nextStatus,
  statusAfter,
} from "./lifecycle.js";
export type {
  ChangeState,
  RaisedChange,
  ChangeAssessment,
  CastVote,
  ChangeAuthorisation,
  BoardVerdict,
  ChangeSchedule,
  ChangeImplementation,
  PostImplementationReview,
  RejectionAnswer,
} from "./state.js";
export { initialChangeState, raisedChange, coveredCis, partInChange } from "./state.js";
export type { ChangeFacts, ScheduleFacts, ScheduledChangeFact, CiRelationshipFact } from "./facts.js";
export { scheduleFactsOf } from "./facts.js";
export { findScheduleConflicts, describeConflict } from "./schedule-conflicts.js";
export type { BoardOutcome, Tally } from "./quorum.js";
export { tallyVotes, quorumFor, roleForRound, describeQuorum } from "./quorum.js";
export type { ChangeErrorCode } from "./errors.js";
export { CHANGE_ERRORS, changeError, changeErrors, changeLabel } from "./errors.js";
export type { ChangeCoverage, CoverageGap, CoverageVerdict } from "./authorisation.js";
export {
  AUTHORISATION_IN_FORCE,
  isChangeAuthorised,
  isAuthorisationInForce,
  changeCoverage,
  coverageWindow,
  coverageOf,
  changeAuthorises,
  awaitsRetrospectiveReview,
  retrospectiveOutstanding,
  implementedSuccessfully,
} from "./authorisation.js";
export type { ChangeRuleFacts } from "./rules.js";
export { changeRules, controlledProcessOfChange, voterHoldsBoardRole, voterTookNoPart, backOutPlanByRisk, emergencyReviewedBeforeClosing } from "./rules.js";
export { changeProcess } from "./descriptor.js";
export { decideChange, changeDecider, streamIdOfChange } from "./decide.js";
export { evolveChange } from "./evolve.js";
export type { ChangeRule } from "./rules.js";
