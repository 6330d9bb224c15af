import type { ControlAssessment, ControlRule, ControlVerdict } from "@handover/projections";
import type { Style } from "../output/style.js";
import { renderTable } from "../output/table.js";
import type { ColumnGroup, ExplainedColumn } from "./columns.js";
import { evidenceText } from "./metrics-text.js";

const STATUS_WORD = { pass: "PASS", fail: "FAIL", not_evidenced: "NOT EVIDENCED" } as const;

/** One rule behind a control as a short phrase: `ci_change_unauthorised: 1 finding of 108 judged`, `production_release: pass`. */
export function describeRule(rule: ControlRule): string {
  if (rule.rule === "readiness") return `${rule.check}: ${rule.status.replace("_", " ")}`;
  const found = rule.findings.length === 1 ? "1 finding" : `${rule.findings.length} findings`;
  return `${rule.kind}: ${found} of ${rule.occasions.length} judged`;
}

/** A control's status word, coloured when the output is a terminal. */
export function statusWord(control: ControlVerdict, style?: Style): string {
  const word = STATUS_WORD[control.status];
  if (style === undefined) return word;
  return control.status === "pass" ? style.pass(word) : control.status === "fail" ? style.fail(word) : style.warn(word);
}

const controlColumns = (style?: Style): readonly ExplainedColumn<ControlVerdict>[] => [
  { heading: "control", cell: (control) => control.id, meaning: "the control's id in its framework" },
  { heading: "status", cell: (control) => statusWord(control, style), meaning: "PASS, FAIL or NOT EVIDENCED (nothing in the view could show it)" },
  { heading: "what it asks", cell: (control) => control.title, meaning: "the control's title" },
  { heading: "evidenced by", cell: (control) => control.rules.map(describeRule).join("; "), meaning: "the rules behind it: a finding kind with how many events it judged, or a readiness check with its status" },
  { heading: "events", cell: (control) => evidenceText(control.evidence), meaning: "log positions of the events that show its status" },
];

/** The table `controls` prints, as its help and the guide explain it. */
export const CONTROLS_TABLES: readonly ColumnGroup[] = [{ table: "the controls", columns: controlColumns() }];

/** The controls as a text table: id, status, what the control asks, the rules behind it and the events that show its status. */
export function controlsTable(assessment: ControlAssessment, style?: Style): string {
  return renderTable(assessment.controls, controlColumns(style));
}

/** `14 pass, 1 fail, 0 not evidenced`. */
export function controlsTally(assessment: ControlAssessment): string {
  return `${assessment.counts.pass} pass, ${assessment.counts.fail} fail, ${assessment.counts.not_evidenced} not evidenced`;
}
