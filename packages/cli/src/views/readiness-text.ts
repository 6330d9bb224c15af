import type { Readiness, ReadinessCheck, ReadinessTimeline } from "@handover/projections";
import { renderTable } from "../output/table.js";
import { type ColumnGroup, type ExplainedColumn } from "./columns.js";
import type { Style } from "../output/style.js";

/** A check's status as the text output marks it. */
export function statusMark(status: ReadinessCheck["status"], style: Style): string {
  return status === "pass" ? style.pass("PASS") : status === "warn" ? style.warn("WARN") : style.fail("FAIL");
}

/** Evidence positions as people read them: `@12, @51`, each once (the first ten, then how many more). */
export function evidenceText(evidence: readonly number[]): string {
  const unique = [...new Set(evidence)];
  if (unique.length === 0) return "-";
  const shown = unique.slice(0, 10).map((position) => `@${position}`).join(", ");
  return unique.length > 10 ? `${shown} and ${unique.length - 10} more` : shown;
}

/** Counts of a readiness answer's checks by status: `7 pass, 1 warn, 1 fail`. */
export function tally(readiness: Readiness): string {
  const count = (status: ReadinessCheck["status"]) => readiness.checks.filter((check) => check.status === status).length;
  return `${count("pass")} pass, ${count("warn")} warn, ${count("fail")} fail`;
}

const checklistColumns = (style: Style): readonly ExplainedColumn<ReadinessCheck>[] => [
  { heading: "check", cell: (check) => check.name, meaning: "the readiness check (docs/concepts.md lists them)" },
  { heading: "verdict", cell: (check) => statusMark(check.status, style), meaning: "PASS, FAIL or WARN (a check the criteria make a warning); the project is ready when none fails" },
  { heading: "why", cell: (check) => check.explanation, meaning: "the check's reason in a sentence, naming each item it is about with its state, and what would satisfy it" },
  { heading: "evidence", cell: (check) => evidenceText(check.evidence), meaning: "log positions of the events the verdict rests on (@12); trail and --json show them" },
];

const timelineColumns = (style: Style): readonly ExplainedColumn<ReadinessTimeline["points"][number]>[] => [
  { heading: "pos", cell: (point) => String(point.position), align: "right", meaning: "the log position of the event that changed the verdict or a check" },
  { heading: "when (UTC)", cell: (point) => point.at.slice(0, 16).replace("T", " "), meaning: "when that event occurred (business time)" },
  { heading: "event", cell: (point) => point.type, meaning: "its type" },
  { heading: "verdict", cell: (point) => (point.ready ? style.pass("ready") : style.fail("not ready")), meaning: "ready or not ready right after it" },
  { heading: "flipped", cell: (point) => point.flips.map((flip) => `${flip.check} ${flip.from ?? "-"}→${flip.to}`).join(", "), meaning: "each check whose status it changed, from → to" },
];

const PLAIN: Style = { pass: (text) => text, fail: (text) => text, warn: (text) => text, dim: (text) => text };

/** The tables `readiness` prints, as its help and the guide explain them. */
export const READINESS_TABLES: readonly ColumnGroup[] = [
  { table: "the checklist", columns: checklistColumns(PLAIN) },
  { table: "the timeline (--timeline)", columns: timelineColumns(PLAIN) },
];

/** The readiness checklist as a text table: each check, its verdict, its sentence and its evidence. */
export function checklistTable(readiness: Readiness, style: Style): string {
  return renderTable(readiness.checks, checklistColumns(style));
}

/** The readiness timeline as a text table: each point where the verdict or a check changed, and what flipped. */
export function timelineTable(timeline: ReadinessTimeline, style: Style): string {
  if (timeline.points.length === 0) return "no events in this view\n";
  return renderTable(timeline.points, timelineColumns(style));
}

/** One line saying when readiness first passed and whether it holds at the end of the view. */
export function timelineSummary(timeline: ReadinessTimeline): string {
  const first = timeline.points.find((point) => point.position === timeline.firstReady);
  const firstText = first === undefined ? "never ready in this view" : `first ready at position ${first.position} (${first.at.slice(0, 16).replace("T", " ")} UTC, ${first.type})`;
  const flipsBack = timeline.points.filter((point, index) => !point.ready && timeline.points[index - 1]?.ready === true).length;
  return `${firstText}; ${flipsBack} flip(s) back to not ready; ${timeline.ready ? "ready" : "not ready"} at the end of the view`;
}
