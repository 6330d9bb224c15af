import { describeRule } from "../views/controls-text.js";
import { formatFigure, metricSections, sparkline } from "../views/metrics-text.js";
import { md, mdEvidence, mdTable } from "./markdown-parts.js";
import type { ReportData } from "./report-data.js";

const STATUS = { pass: "✅ pass", fail: "❌ fail", not_evidenced: "⚠️ not evidenced" } as const;

/** The pack's controls and metrics sections in Markdown: a table of controls, and a table per group of figures with a weekly sparkline. */
export function controlsAndMetrics(data: ReportData): string[] {
  const { assessment } = data.controls;
  const controls = assessment.controls.map((control) => [md(control.id), md(control.clause), STATUS[control.status], md(control.title), md(control.rules.map(describeRule).join("; ")), mdEvidence(control.evidence)]);
  const { period } = data.metrics;
  const sections = metricSections(data.metrics).flatMap((section) => [
    `### ${md(section.title)}`,
    mdTable(["Figure", "Value", "Weekly", "Evidence"], section.rows.map((row) => [md(row.label.trim()), md(formatFigure(row.figure)), sparkline(row.figure), mdEvidence(row.figure.evidence.slice(0, 12)) + (row.figure.evidence.length > 12 ? ` and ${row.figure.evidence.length - 12} more` : "")])),
  ]);
  return [
    `## Controls: ${md(assessment.framework.name)}`,
    `${assessment.counts.pass} pass, ${assessment.counts.fail} fail, ${assessment.counts.not_evidenced} not evidenced.`,
    mdTable(["Control", "Clause", "Status", "What it asks", "Evidenced by", "Events"], controls),
    "## Process metrics",
    `From ${period.from.slice(0, 10)} to ${period.to.slice(0, 10)} (${period.weeks.length} weeks); definitions in docs/guide.md (Metrics).`,
    ...sections,
  ];
}
