import type { CheckStatus, ReadinessTimeline } from "@handover/projections";
import { escapeHtml } from "../escape.js";

const LABEL_WIDTH = 200;
const CHART_WIDTH = 660;
const LANE = 16;
const GAP = 5;
const TOP = 8;
const AXIS = 26;

/** One lane of the chart: its name and its status after each point of the timeline. */
interface Lane {
  readonly name: string;
  readonly statusAt: (index: number) => CheckStatus;
}

function lanesOf(timeline: ReadinessTimeline, checks: readonly string[]): Lane[] {
  const verdict: Lane = { name: "verdict", statusAt: (index) => (timeline.points[index]?.ready === true ? "pass" : "fail") };
  const perCheck = checks.map(
    (name): Lane => ({ name, statusAt: (index) => timeline.points[index]?.readiness.checks.find((check) => check.name === name)?.status ?? "fail" }),
  );
  return [verdict, ...perCheck];
}

/** The x of each point: business time scaled to the chart, never moving left (a late-recorded event keeps its place in log order). */
function xsOf(timeline: ReadinessTimeline, start: number, end: number): number[] {
  const span = Math.max(1, end - start);
  let previous = LABEL_WIDTH;
  return timeline.points.map((point) => {
    const x = LABEL_WIDTH + ((Date.parse(point.at) - start) / span) * CHART_WIDTH;
    previous = Math.max(previous, Math.min(LABEL_WIDTH + CHART_WIDTH, x));
    return previous;
  });
}

function ticks(start: number, end: number, y: number): string {
  const count = 6;
  return Array.from({ length: count + 1 }, (_, index) => {
    const at = start + ((end - start) * index) / count;
    const x = LABEL_WIDTH + (CHART_WIDTH * index) / count;
    const day = new Date(at).toISOString().slice(0, 10);
    return `<line class="tick" x1="${x}" y1="${TOP}" x2="${x}" y2="${y}"/><text class="axis" x="${x}" y="${y + 14}" text-anchor="middle">${escapeHtml(day)}</text>`;
  }).join("");
}

function laneSvg(lane: Lane, row: number, xs: readonly number[], timeline: ReadinessTimeline): string {
  const y = TOP + row * (LANE + GAP);
  const segments = xs.map((x, index) => {
    const next = xs[index + 1] ?? LABEL_WIDTH + CHART_WIDTH;
    const status = lane.statusAt(index);
    const point = timeline.points[index];
    const tip = `${lane.name}: ${status} from position ${point?.position ?? "?"} (${point?.at.slice(0, 16).replace("T", " ") ?? ""} UTC, ${point?.type ?? ""})`;
    return `<rect class="seg ${status}" x="${x}" y="${y}" width="${Math.max(1, next - x)}" height="${LANE}"><title>${escapeHtml(tip)}</title></rect>`;
  });
  return `<text class="lane${row === 0 ? " verdict" : ""}" x="${LABEL_WIDTH - 8}" y="${y + LANE - 4}" text-anchor="end">${escapeHtml(lane.name)}</text>${segments.join("")}`;
}

/**
 * The readiness timeline as an inline SVG: a lane for the verdict and one per check, each
 * coloured pass, warn or fail from every point where something flipped until the next,
 * over business time from the first event to the end of the view, with a marker where
 * readiness first passed. Each segment's tooltip names the event that started it.
 */
export function renderTimelineChart(timeline: ReadinessTimeline, checks: readonly string[], endAt: string | null): string {
  if (timeline.points.length === 0) return '<p class="muted">No events in this view.</p>';
  const start = Date.parse(timeline.points[0]?.at ?? "");
  const end = Math.max(start + 1, Date.parse(endAt ?? timeline.points.at(-1)?.at ?? ""), ...timeline.points.map((point) => Date.parse(point.at)));
  const lanes = lanesOf(timeline, checks);
  const xs = xsOf(timeline, start, end);
  const bottom = TOP + lanes.length * (LANE + GAP);
  const firstIndex = timeline.points.findIndex((point) => point.position === timeline.firstReady);
  const firstX = xs[firstIndex];
  const marker =
    firstX === undefined
      ? ""
      : `<line class="first-ready" x1="${firstX}" y1="${TOP - 4}" x2="${firstX}" y2="${bottom}"/><text class="first-ready" x="${firstX + 4}" y="${bottom + AXIS + 4}">first ready @${timeline.firstReady ?? ""}</text>`;
  const body = lanes.map((lane, row) => laneSvg(lane, row, xs, timeline)).join("");
  const height = bottom + AXIS + 12;
  const width = LABEL_WIDTH + CHART_WIDTH + 48;
  return `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Readiness timeline: ${timeline.points.length} changes of verdict or check">${ticks(start, end, bottom)}${body}${marker}</svg>`;
}
