export type { Control, ControlFramework, ControlFrameworkName } from "./framework.js";
export { CONTROL_FRAMEWORKS, parseControlFramework, unmappedRules } from "./framework.js";
export type { FindingOccasions } from "./occasions.js";
export { FINDING_OCCASIONS, findingOccasions } from "./occasions.js";
export type { ControlStatus, ControlRule, ControlVerdict, ControlAssessment, ControlInputs } from "./assess.js";
export { assessControls } from "./assess.js";
