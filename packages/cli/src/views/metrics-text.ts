import type { Figure, ProcessMetrics } from "@handover/projections";
import { renderTable } from "../output/table.js";
import type { ColumnGroup, ExplainedColumn } from "./columns.js";
import { durationText } from "./duration.js";

/** One row of a metrics table: what the figure is, and the figure. */
export interface MetricRow {
  readonly label: string;
  readonly figure: Figure;
}

/** The rows of each section, in the order the text, the pack and the docs show them. */
export function metricSections(metrics: ProcessMetrics): readonly { readonly title: string; readonly rows: readonly MetricRow[] }[] {
  const { change, delivery, incident } = metrics;
  return [
    {
      title: "change management",
      rows: [
        { label: "changes raised", figure: change.raised },
        ...Object.entries(change.raisedByType).map(([type, figure]) => ({ label: `  ${type}`, figure })),
        ...Object.entries(change.raisedByLevel).map(([level, figure]) => ({ label: `  ${level} level`, figure })),
        { label: "emergency-change ratio", figure: change.emergencyRatio },
        { label: "CI changes without an authorised change", figure: change.unauthorisedCiChanges },
        { label: "implementation success rate", figure: change.implementationSuccess },
        ...Object.entries(change.implementationsByOutcome).map(([outcome, figure]) => ({ label: `  ${outcome.replace("_", " ")}`, figure })),
        { label: "change success score", figure: change.successScore },
        { label: "CAB approval latency (raised → authorised)", figure: change.approvalLatency },
        { label: "changes rejected", figure: change.rejected },
        { label: "changes revised", figure: change.revised },
        { label: "schedule conflicts overridden", figure: change.conflictsOverridden },
      ],
    },
    {
      title: "DORA's four keys",
      rows: [
        { label: "deployment frequency (production)", figure: delivery.deploymentFrequency },
        { label: "lead time for changes (raised → deployed)", figure: delivery.leadTime },
        { label: "change failure rate", figure: delivery.changeFailureRate },
        { label: "time to restore (P1/P2 logged → resolved)", figure: delivery.timeToRestore },
      ],
    },
    {
      title: "incident management",
      rows: [
        { label: "SLA attainment", figure: incident.slaAttainment },
        ...Object.entries(incident.slaAttainmentByPriority).map(([priority, figure]) => ({ label: `  P${priority}`, figure })),
        { label: "time to resolve", figure: incident.timeToResolve },
        { label: "reopen rate", figure: incident.reopenRate },
        { label: "reassignments", figure: incident.reassignments },
        { label: "reassignments per incident", figure: incident.reassignmentsPerIncident },
        { label: "backlog (open at the end)", figure: incident.backlog },
      ],
    },
  ];
}

/** Minutes as a person reads a duration: in the CLI's one unit for durations, hours (`7.3 h`). */
export function duration(minutes: number | null | undefined): string {
  return durationText(minutes ?? null);
}

/** A figure's value as text: a share as a percentage, a duration as mean with median and p90, a rate per week, a score out of 100. */
export function formatFigure(figure: Figure): string {
  const value = figure.value;
  if (value === null) return "-";
  switch (figure.unit) {
    case "share":
      return `${(100 * value).toFixed(1)}% (${figure.matching ?? 0} of ${figure.count})`;
    case "minutes":
      return `mean ${duration(value)}, median ${duration(figure.median)}, p90 ${duration(figure.p90)}`;
    case "per_week":
      return `${value.toFixed(2)}/week (${figure.count})`;
    case "average":
      return value.toFixed(2);
    case "score":
      return `${value.toFixed(1)} / 100`;
    default:
      return String(value);
  }
}

const BARS = "▁▂▃▄▅▆▇█";

/** The weekly series as a one-line chart: a bar per week scaled to the highest, `·` where there was nothing to measure. */
export function sparkline(figure: Figure): string {
  const values = figure.weekly.map((week) => week.value);
  const max = Math.max(0, ...values.map((value) => value ?? 0));
  return values.map((value) => (value === null ? "·" : BARS[max === 0 ? 0 : Math.round((value / max) * (BARS.length - 1))])).join("");
}

/** Evidence positions as the tables show them: the first few, then how many more. */
export function evidenceText(positions: readonly number[], max = 6): string {
  if (positions.length === 0) return "-";
  const shown = positions.slice(0, max).map((position) => `@${position}`).join(" ");
  return positions.length > max ? `${shown} +${positions.length - max} more` : shown;
}

const COLUMNS: readonly ExplainedColumn<MetricRow>[] = [
  { heading: "figure", cell: (row) => row.label, meaning: "what is measured (docs/guide.md, Metrics, defines each)" },
  { heading: "value", cell: (row) => formatFigure(row.figure), meaning: "its value over the period: a count, a share with its parts, a duration in hours (mean, median, p90), a rate per week or a score out of 100" },
  { heading: "weekly", cell: (row) => sparkline(row.figure), meaning: "the value week by week, as bars scaled to the highest week (· for a week with nothing to measure)" },
  { heading: "evidence", cell: (row) => evidenceText(row.figure.evidence), meaning: "log positions of the first events it was computed from (--json lists all)" },
];

/** The tables `metrics` prints, as its help and the guide explain them. */
export const METRICS_TABLES: readonly ColumnGroup[] = [{ table: "each section", columns: COLUMNS }];

/** The metrics as text: the period, then a table per section with each figure's value, weekly trend and evidence. */
export function renderMetricsText(metrics: ProcessMetrics): string {
  const { period } = metrics;
  const heading = `period: ${period.from.slice(0, 10)} to ${period.to.slice(0, 10)} (${period.weeks.length} week(s), from the week of ${period.weeks[0] ?? "-"})`;
  const weights = Object.entries(metrics.change.successScoreWeights).map(([part, weight]) => `${part} ${weight}`).join(", ");
  const sections = metricSections(metrics).map((section) => `${section.title}\n${renderTable(section.rows, COLUMNS)}`);
  return `${heading}\n\n${sections.join("\n")}\nchange success score weights: ${weights}\nevidence: the first events each figure was computed from (--json lists all of them, and a share's matching ones)\n`;
}
