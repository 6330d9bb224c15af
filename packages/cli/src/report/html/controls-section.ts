import type { ControlVerdict } from "@handover/projections";
import { describeRule } from "../../views/controls-text.js";
import { html, type SafeHtml } from "../escape.js";
import type { ReportData } from "../report-data.js";
import { evidence, table } from "./parts.js";

const LABEL = { pass: "PASS", fail: "FAIL", not_evidenced: "NOT EVIDENCED" } as const;
const BADGE = { pass: "pass", fail: "fail", not_evidenced: "warn" } as const;

function controlRow(control: ControlVerdict): SafeHtml {
  return html`<tr class="control ${control.status}" data-control="${control.id}" data-status="${control.status}"><td><code>${control.id}</code></td><td>${control.clause}</td><td><span class="badge ${BADGE[control.status]}">${LABEL[control.status]}</span></td><td>${control.title}</td><td>${control.rules.map(describeRule).join("; ")}</td><td>${evidence(control.evidence)}</td></tr>`;
}

/** The controls of the framework the pack was written for, each with pass, fail or not evidenced, the rules behind it and its events. */
export function controlsSection(data: ReportData): SafeHtml {
  const { assessment } = data.controls;
  const { counts } = assessment;
  return html`<section id="controls"><h2>Controls: ${assessment.framework.name}</h2>
<p>${counts.pass} pass, ${counts.fail} fail, ${counts.not_evidenced} not evidenced. A control fails on a finding of a rule it maps or a failing readiness check; it passes when its rules judged events and found nothing; it is not evidenced when nothing in this view could show it.</p>
${table(["Control", "Clause", "Status", "What it asks", "Evidenced by", "Events"], assessment.controls.map(controlRow), "controls")}</section>`;
}
