export {
  ConfigurationCommand,
  RegisterCi,
  StartCiDevelopment,
  StartCiTest,
  ReturnCiToDevelopment,
  PutCiIntoProduction,
  RetireCi,
  WithdrawCi,
  SetCiAttribute,
  UnsetCiAttribute,
  TransferCiOwner,
  AddCiRelationship,
  RemoveCiRelationship,
  streamIdOfCi,
  streamIdOfConfiguration,
} from "./commands.js";
export type { ConfigurationCommandType, ConfigurationCommandOf } from "./commands.js";
export { configurationEvents, configurationCatalogue } from "./events.js";
export type { ConfigurationEvent, ConfigurationEventType, ConfigurationEventOf } from "./events.js";
export { CHANGE_CONTROL_BREACHES, ChangeControlBreachReason, ChangeControlBreach, ChangeControlRecord } from "./change-control-record.js";
export { describeCiEvent, whyNotAuthorised, ciChangedUnderAuthorisedChange, configurationRules } from "./change-control.js";
export type { ConfigurationFacts, ConfigurationRuleFacts, NamedChangeVerdict, RelationshipTargetFacts } from "./facts.js";
export { configurationProcess } from "./descriptor.js";
export { CONFIGURATION_ERRORS } from "./errors.js";
export type { ConfigurationErrorCode } from "./errors.js";
export { ciLifecycle, ciStatusAfter } from "./lifecycle.js";
export type { CiLifecycleState, CiLifecycleCommand } from "./lifecycle.js";
export { initialCiState } from "./state.js";
export type { CiState } from "./state.js";
export { configurationDecider } from "./decider.js";
export { decideCi } from "./decide.js";
export { evolveCi } from "./evolve.js";
export { isSymmetric } from "./decide-relationships.js";
export { inverseRelationships, relationshipsOf } from "./relationships.js";
export type { RelatedCi, RelationshipView } from "./relationships.js";
export { ciScope, productionScopeSince, productionCiIds, changeControlRequirement } from "./scope.js";
export type { CiScope, BaselineFacts, ChangeControlRequirement } from "./scope.js";
export { AttributeName, AttributeValue, Attributes, Relationship } from "./values.js";
export type { ConfigurationRule } from "./change-control.js";
