import type { AuditFinding, FindingKind } from "../audit/finding.js";
import type { AuditFindings } from "../audit/findings.js";
import type { ReadinessCheck, Readiness } from "../readiness/evaluate.js";
import type { Control, ControlFramework } from "./framework.js";
import type { RuleOccasions } from "./occasions.js";

/** What a control's evidence says: it held, it was broken, or nothing in the log could show either. */
export type ControlStatus = "pass" | "fail" | "not_evidenced";

/** One rule behind a control: a finding kind with its findings and the events it judged, or a readiness check with its verdict. */
export type ControlRule =
  | { readonly rule: "finding"; readonly kind: FindingKind; readonly findings: readonly AuditFinding[]; readonly occasions: readonly number[] }
  | {
      readonly rule: "readiness";
      readonly check: ReadinessCheck["name"];
      readonly status: ReadinessCheck["status"] | "not_run";
      readonly explanation: string;
      readonly evidence: readonly number[];
      readonly occasions: readonly number[];
    };

/** One control's verdict, with the rules behind it and the positions of the events that show it. */
export interface ControlVerdict {
  readonly id: string;
  readonly clause: string;
  readonly title: string;
  readonly status: ControlStatus;
  readonly rules: readonly ControlRule[];
  /** For a failure, the events of the findings and failing checks; for a pass, the events the rules judged and the passing checks' evidence. */
  readonly evidence: readonly number[];
}

/** A framework's controls judged against a log: each verdict, and how many of each. */
export interface ControlAssessment {
  readonly framework: { readonly id: string; readonly name: string };
  readonly controls: readonly ControlVerdict[];
  readonly counts: Readonly<Record<ControlStatus, number>>;
}

/** What a control is judged on: the audit findings, the events each rule judged, and readiness (null when no project started in the view). */
export interface ControlInputs {
  readonly findings: AuditFindings;
  readonly occasions: RuleOccasions;
  readonly readiness: Readiness | null;
}

const sorted = (positions: Iterable<number>): number[] => [...new Set(positions)].sort((a, b) => a - b);

function rulesOf(control: Control, inputs: ControlInputs): ControlRule[] {
  const findingRules = (control.findings ?? []).map((kind): ControlRule => ({ rule: "finding", kind, findings: inputs.findings.findings.filter((finding) => finding.kind === kind), occasions: inputs.occasions.findings[kind] ?? [] }));
  const checkRules = (control.readiness ?? []).map((check): ControlRule => {
    const verdict = inputs.readiness?.checks.find((each) => each.name === check);
    const occasions = inputs.occasions.readiness[check] ?? [];
    if (verdict === undefined) return { rule: "readiness", check, status: "not_run", explanation: inputs.readiness === null ? "no project has started in this view" : "the criteria leave this check out", evidence: [], occasions };
    return { rule: "readiness", check, status: verdict.status, explanation: verdict.explanation, evidence: verdict.evidence, occasions };
  });
  return [...findingRules, ...checkRules];
}

const failed = (rule: ControlRule): boolean => (rule.rule === "finding" ? rule.findings.length > 0 : rule.status === "fail" || rule.status === "warn");

function verdictOf(control: Control, inputs: ControlInputs): ControlVerdict {
  const rules = rulesOf(control, inputs);
  const failing = rules.filter(failed);
  const base = { id: control.id, clause: control.clause, title: control.title, rules };
  if (failing.length > 0) {
    return { ...base, status: "fail", evidence: sorted(failing.flatMap((rule) => (rule.rule === "finding" ? rule.findings.flatMap((finding) => finding.evidence) : rule.evidence))) };
  }
  const shown = sorted(rules.flatMap((rule) => (rule.rule === "finding" ? rule.occasions : rule.status !== "pass" ? [] : rule.evidence.length > 0 ? rule.evidence : rule.occasions)));
  return { ...base, status: shown.length > 0 ? "pass" : "not_evidenced", evidence: shown };
}

/**
 * Judges each control of a framework: `fail` when a finding of one of its kinds stands or
 * one of its readiness checks fails or warns; else `pass` when its rules judged at least
 * one event or a check passed on something (its evidence, else the events it judged); else `not_evidenced` (nothing in the view
 * could show the control held: no emergency change for the emergency-change control, say).
 */
export function assessControls(framework: ControlFramework, inputs: ControlInputs): ControlAssessment {
  const controls = framework.controls.map((control) => verdictOf(control, inputs));
  const counts = { pass: 0, fail: 0, not_evidenced: 0 };
  for (const control of controls) counts[control.status] += 1;
  return { framework: { id: framework.id, name: framework.name }, controls, counts };
}
