export { IncidentId, ProblemId, ChangeId, ReleaseId, CiId, ProjectId, ActorId, asId } from "./ids.js";
export { ROLES, Role, RoleAssignments, rolesOf, hasRole } from "./roles.js";
export type { PriorityMatrix } from "./priority.js";
export { Impact, Urgency, createPriorityMatrix, itilPriorityMatrix, priorityFor } from "./priority.js";
export { ON_HOLD_REASONS, OnHoldReason, SlaTarget, SlaPolicy, defaultSlaPolicy, slaTargetFor, pausesResolutionClock } from "./sla.js";
export { PROJECT_PHASES, ProjectPhase, phaseIndex, isPhaseAtOrAfter } from "./phases.js";
export type { InverseRelationshipType } from "./configuration-items.js";
export {
  CI_TYPES,
  CiType,
  CI_STATUSES,
  CiStatus,
  RELATIONSHIP_PAIRS,
  RelationshipType,
  inverseOf,
  DEPENDENCY_TYPES,
  RISKS,
  Risk,
  riskAtLeast,
} from "./configuration-items.js";
export type { ControlPolicy, PhaseGate } from "./control-policy.js";
export {
  CONTROLLED_PROCESSES,
  ControlledProcess,
  RuleMode,
  ProcessRule,
  CROSS_PROCESS_RULES,
  CrossProcessRule,
  defaultControlPolicy,
  phaseGate,
} from "./control-policy.js";
export { StandardChangeTemplate, ChangePolicy, defaultChangePolicy } from "./change-policy.js";
export type { HandoverPolicy } from "./policy.js";
export { defaultPolicy, PolicyOverrides, resolvePolicy } from "./policy.js";
export {
  TimeWindow,
  BlackoutWindow,
  MaintenanceWindow,
  windowsOverlap,
  windowContains,
  instantInWindow,
  instantInSpan,
  maintenanceOccurrences,
  fitsMaintenanceWindows,
} from "./windows.js";
export type { CommandContext } from "./command-context.js";
export { RuleFinding } from "./rule-modes.js";
export { BusinessTime, Actor } from "./business-time.js";
export type { FixedRule, RuleName, Breach, RuleContext, Rule } from "./rules.js";
export { FIXED_RULES, RULE_NAMES, modeOfBreach, judgeEvent, judgeEvents, refusalOf, recordedBreaches } from "./rules.js";
export { phaseGateRule } from "./phase-gate-rule.js";
export { permissionRule } from "./permission-rule.js";
export type { Reference } from "./references-rule.js";
export { referencesRule } from "./references-rule.js";
export type { PermissionPolicy } from "./permissions.js";
export { PERMISSIONS, Permission, PermissionOverrides, defaultPermissions, rolesPermitted, typesTakingAPermission } from "./permissions.js";
export type { CommandSchema, ParsedCommand, CommandInput, NamedLifecycle, StateGroups, ProcessDescriptor, DecidingParts, RuledDecision } from "./process-descriptor.js";
export { defineProcess, streamIdIn, decideWithRules, ruledDecider } from "./process-descriptor.js";
