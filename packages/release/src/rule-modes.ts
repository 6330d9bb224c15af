/** Rule modes are shared vocabulary: the same for every process that applies cross-process rules. */
export { applyRuleModes, findingsField, type RuleBreach } from "@handover/itil";
