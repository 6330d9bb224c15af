import type { ReadinessCheck } from "@handover/projections";
import { html, raw, type SafeHtml } from "../escape.js";
import type { ReportData } from "../report-data.js";
import { badge, evidence, table, when } from "./parts.js";
import { renderTimelineChart } from "./timeline-chart.js";

function checkRow(check: ReadinessCheck): SafeHtml {
  return html`<tr class="check ${check.status}" data-check="${check.name}" data-status="${check.status}"><td>${check.name.replace(/_/g, " ")}</td><td>${badge(check.status)}</td><td>${check.explanation}</td><td>${evidence(check.evidence)}</td></tr>`;
}

/** The readiness checklist: the verdict, then each check with its status, its sentence and the positions of its evidence. */
export function checklistSection(data: ReportData): SafeHtml {
  const { readiness } = data;
  const count = (status: ReadinessCheck["status"]) => readiness.checks.filter((check) => check.status === status).length;
  const verdict = readiness.ready ? "pass" : "fail";
  return html`<section id="readiness"><h2>Transition readiness</h2>
<p class="verdict ${verdict}" id="verdict">${readiness.ready ? "Ready to hand over" : "Not ready to hand over"}</p>
<p>${count("pass")} pass, ${count("warn")} warn, ${count("fail")} fail, at log position ${readiness.position}. Evidence names log positions: <code>handover trail</code> shows each event.</p>
${table(["Check", "Verdict", "Why", "Evidence"], readiness.checks.map(checkRow), "checklist")}</section>`;
}

/** The readiness timeline: when it first passed, what flipped it back, as a chart and as a table of the points. */
export function timelineSection(data: ReportData): SafeHtml {
  const { timeline } = data;
  const first = timeline.points.find((point) => point.position === timeline.firstReady);
  const flipsBack = timeline.points.filter((point, index) => !point.ready && timeline.points[index - 1]?.ready === true);
  const sentence =
    first === undefined
      ? "Readiness never passed in this view."
      : `Readiness first passed at position ${first.position} (${when(first.at)}, ${first.type}); it flipped back ${flipsBack.length} time(s) since.`;
  const rows = timeline.points.map(
    (point) =>
      html`<tr><td class="num">${point.position}</td><td class="when">${when(point.at)}</td><td><code>${point.type}</code></td><td>${badge(point.ready ? "pass" : "fail")}</td><td>${point.flips.map((flip) => `${flip.check}: ${flip.from ?? "-"} → ${flip.to}`).join("; ")}</td></tr>`,
  );
  const legend = raw('<p class="legend"><span><i style="background:#4ac26b"></i>pass</span><span><i style="background:#e3b341"></i>warn</span><span><i style="background:#f47067"></i>fail</span></p>');
  const chart = raw(renderTimelineChart(timeline, data.readiness.checks.map((check) => check.name), data.summary.lastAt));
  return html`<section id="timeline"><h2>Readiness timeline</h2><p>${sentence}</p>${legend}<div class="figure">${chart}</div>
<h3>Where the verdict or a check changed</h3>${table(["Position", "When", "Event", "Verdict", "What flipped"], rows, "timeline-points")}</section>`;
}
