import type { Figure } from "@handover/projections";
import { duration, formatFigure, metricSections } from "../../views/metrics-text.js";
import { html, raw, type SafeHtml } from "../escape.js";
import type { ReportData } from "../report-data.js";
import { evidence, table } from "./parts.js";
import { renderWeeklyChart } from "./weekly-chart.js";

const percent = (value: number): string => `${Math.round(100 * value)}%`;
const count = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The trends the pack charts: the figures an auditor reads first, each per week. */
function charts(data: ReportData): [string, Figure, (value: number) => string][] {
  const { change, delivery, incident } = data.metrics;
  return [
    ["Changes raised", change.raised, count],
    ["Change success score", change.successScore, count],
    ["CAB approval latency (mean)", change.approvalLatency, duration],
    ["Production deployments", delivery.deploymentFrequency, count],
    ["Lead time for changes (mean)", delivery.leadTime, duration],
    ["Change failure rate", delivery.changeFailureRate, percent],
    ["Time to restore P1/P2 (mean)", delivery.timeToRestore, duration],
    ["SLA attainment", incident.slaAttainment, percent],
    ["Time to resolve (mean)", incident.timeToResolve, duration],
    ["Incident backlog (end of week)", incident.backlog, count],
  ];
}

/**
 * The process metrics: the period, a weekly bar chart (inline SVG) of each key figure, then
 * every figure of change management, DORA's four keys and incident management with its
 * value and the positions of the events it was computed from.
 */
export function metricsSection(data: ReportData): SafeHtml {
  const { period } = data.metrics;
  const figures = charts(data).map(([title, figure, format]) => raw(`<figure class="metric">${renderWeeklyChart(title, figure, format)}</figure>`));
  const tables = metricSections(data.metrics).map((section) =>
    html`<h3>${section.title.charAt(0).toUpperCase()}${section.title.slice(1)}</h3>${table(["Figure", "Value", "Evidence"], section.rows.map((row) => html`<tr class="metric-row"><td>${row.label.trim()}</td><td>${formatFigure(row.figure)}</td><td>${evidence(row.figure.evidence)}</td></tr>`), "metrics")}`,
  );
  return html`<section id="metrics" class="page"><h2>Process metrics</h2>
<p>From ${period.from.slice(0, 10)} to ${period.to.slice(0, 10)} (${period.weeks.length} weeks), computed from the events alone; each figure's definition is in docs/guide.md (Metrics), and its evidence names log positions.</p>
<div class="metric-charts">${figures}</div>${tables}</section>`;
}
