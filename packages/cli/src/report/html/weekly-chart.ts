import type { Figure } from "@handover/projections";
import { escapeHtml } from "../escape.js";

const WIDTH = 340;
const HEIGHT = 120;
const LEFT = 36;
const BOTTOM = 18;
const TOP = 18;

/**
 * A figure's weekly series as a small inline SVG bar chart (no script): a bar per week,
 * scaled to the highest week, a hatched gap where a week had nothing to measure, the
 * highest value on the axis, the first and last week under it, and a tooltip per bar
 * with the week, its value and how many things it was computed from.
 */
export function renderWeeklyChart(title: string, figure: Figure, format: (value: number) => string): string {
  const weeks = figure.weekly;
  const max = Math.max(0, ...weeks.map((week) => week.value ?? 0));
  const span = WIDTH - LEFT - 4;
  const step = span / Math.max(1, weeks.length);
  const plot = HEIGHT - TOP - BOTTOM;
  const bars = weeks.map((week, index) => {
    const x = LEFT + index * step;
    const tip = `${title}, week of ${week.week}: ${week.value === null ? "nothing to measure" : `${format(week.value)} (${week.count})`}`;
    if (week.value === null) return `<rect class="gap" x="${x.toFixed(1)}" y="${TOP + plot - 2}" width="${Math.max(1, step - 1).toFixed(1)}" height="2"><title>${escapeHtml(tip)}</title></rect>`;
    const height = max === 0 ? 0 : (week.value / max) * plot;
    return `<rect class="bar" x="${x.toFixed(1)}" y="${(TOP + plot - height).toFixed(1)}" width="${Math.max(1, step - 1).toFixed(1)}" height="${Math.max(0.5, height).toFixed(1)}"><title>${escapeHtml(tip)}</title></rect>`;
  });
  const first = weeks[0]?.week ?? "";
  const last = weeks.at(-1)?.week ?? "";
  const axis = [
    `<line class="axis" x1="${LEFT}" y1="${TOP + plot}" x2="${WIDTH - 4}" y2="${TOP + plot}"/>`,
    `<text class="tick" x="${LEFT - 4}" y="${TOP + 4}" text-anchor="end">${escapeHtml(format(max))}</text>`,
    `<text class="tick" x="${LEFT - 4}" y="${TOP + plot}" text-anchor="end">0</text>`,
    `<text class="tick" x="${LEFT}" y="${HEIGHT - 4}">${escapeHtml(first)}</text>`,
    `<text class="tick" x="${WIDTH - 4}" y="${HEIGHT - 4}" text-anchor="end">${escapeHtml(last)}</text>`,
    `<text class="title" x="${LEFT}" y="12">${escapeHtml(title)}</text>`,
  ];
  return `<svg class="metric-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(`${title}, per week`)}">${axis.join("")}${bars.join("")}</svg>`;
}
