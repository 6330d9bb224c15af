import { z } from "zod";
import { ProjectPhase, isPhaseAtOrAfter, type ProjectPhase as Phase } from "./phases.js";

/** The processes whose use the project's control policy gates by phase. */
export const CONTROLLED_PROCESSES = ["configuration", "project_change", "solution_change", "incident", "problem", "release"] as const;
/** A process the control policy gates. */
export const ControlledProcess = z.enum(CONTROLLED_PROCESSES);
/** A process the control policy gates. */
export type ControlledProcess = z.infer<typeof ControlledProcess>;

/** How a rule is applied: `enforce` refuses; `record` accepts and leaves an audit finding. */
export const RuleMode = z.enum(["enforce", "record"]);
/** How a rule is applied. */
export type RuleMode = z.infer<typeof RuleMode>;

/** When a process applies to the project, how its phase gate is applied, and whether it is used at all. */
export const ProcessRule = z.object({ appliesFrom: ProjectPhase, mode: RuleMode, enabled: z.boolean() });
/** When a process applies to the project. */
export type ProcessRule = Readonly<z.infer<typeof ProcessRule>>;

/**
 * The rules the policy names, each enforced (refused) or recorded (accepted and found by the
 * audit). The phase gate is not among them: its mode is each process's own (`processes`).
 * docs/policy.md describes each rule and its default.
 */
export const CROSS_PROCESS_RULES = [
  "ci_change_authorised",
  "segregation_of_duties",
  "approver_role",
  "back_out_plan",
  "emergency_review",
  "release_changes_authorised",
  "release_tested",
  "signoff_readiness",
  "permission",
  "references_exist",
] as const;
/** A cross-process rule. */
export const CrossProcessRule = z.enum(CROSS_PROCESS_RULES);
/** A cross-process rule. */
export type CrossProcessRule = z.infer<typeof CrossProcessRule>;

/** Which process applies from which phase, and how each rule is applied. */
export type ControlPolicy = Readonly<{
  processes: Readonly<Record<ControlledProcess, ProcessRule>>;
  rules: Readonly<Record<CrossProcessRule, RuleMode>>;
}>;

/**
 * The default control policy (docs/policy.md): configuration and project-level change from
 * initiation; solution-level change, incident, problem and release from system test; every rule enforced.
 */
export const defaultControlPolicy: ControlPolicy = Object.freeze<ControlPolicy>({
  processes: {
    configuration: { appliesFrom: "initiation", mode: "enforce", enabled: true },
    project_change: { appliesFrom: "initiation", mode: "enforce", enabled: true },
    solution_change: { appliesFrom: "system_test", mode: "enforce", enabled: true },
    incident: { appliesFrom: "system_test", mode: "enforce", enabled: true },
    problem: { appliesFrom: "system_test", mode: "enforce", enabled: true },
    release: { appliesFrom: "system_test", mode: "enforce", enabled: true },
  },
  rules: {
    ci_change_authorised: "enforce",
    segregation_of_duties: "enforce",
    approver_role: "enforce",
    back_out_plan: "enforce",
    emergency_review: "enforce",
    release_changes_authorised: "enforce",
    release_tested: "enforce",
    signoff_readiness: "enforce",
    permission: "enforce",
    references_exist: "enforce",
  },
});

/** What the phase gate says of using a process now. */
export type PhaseGate =
  | { readonly verdict: "allowed" }
  | { readonly verdict: "refused" | "recorded" | "disabled"; readonly message: string };

/**
 * Applies a process's phase gate: allowed, refused (enforce), recorded (record mode) or
 * disabled (left out). `from` names another phase than the process's own for a step that may
 * come earlier (raising a solution-level change before its implementation may start).
 */
export function phaseGate(policy: ControlPolicy, process: ControlledProcess, phase: Phase, from?: Phase): PhaseGate {
  const rule = policy.processes[process];
  if (!rule.enabled) return { verdict: "disabled", message: `${process} is left out of this project by its policy` };
  const appliesFrom = from ?? rule.appliesFrom;
  if (isPhaseAtOrAfter(phase, appliesFrom)) return { verdict: "allowed" };
  const message = `${from === undefined ? process : `raising a ${process}`} applies from ${appliesFrom}; the project is in ${phase}`;
  return { verdict: rule.mode === "enforce" ? "refused" : "recorded", message };
}
