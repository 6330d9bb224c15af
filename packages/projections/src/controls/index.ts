export type { ControlFrameworkName } from "./framework.js";
export { Control, ControlFramework, CONTROL_FRAMEWORKS, parseControlFramework, unmappedRules } from "./framework.js";
export type { RuleOccasions, OccasionEvent } from "./occasions.js";
export { FINDING_OCCASIONS, READINESS_OCCASIONS, ruleOccasions } from "./occasions.js";
export type { ControlStatus, ControlRule, ControlVerdict, ControlAssessment, ControlInputs } from "./assess.js";
export { assessControls } from "./assess.js";
