import { html, type SafeHtml } from "../escape.js";

/** A pass, warn or fail badge. */
export function badge(status: "pass" | "warn" | "fail"): SafeHtml {
  return html`<span class="badge ${status}">${status.toUpperCase()}</span>`;
}

/** The anchor of a cited event in the pack's evidence trail (its appendix). */
export const eventAnchor = (position: number): string => `event-${position}`;

/** One cited position as a link to its row in the evidence trail: `@12`. */
export function positionLink(position: number): SafeHtml {
  return html`<a class="ev" href="#${eventAnchor(position)}">@${String(position)}</a>`;
}

/** Evidence positions as the report shows them: `@12 @51` in monospace, each once (all of them: the pack is the record), each a link to the event in the evidence trail. */
export function evidence(positions: readonly number[]): SafeHtml {
  if (positions.length === 0) return html`<span class="muted">-</span>`;
  const links = [...new Set(positions)].map((position, index) => (index === 0 ? positionLink(position) : html` ${positionLink(position)}`));
  return html`<span class="mono">${links}</span>`;
}

/** Every position the rendered pack links to, in log order: the events its evidence trail must show. */
export function citedPositions(rendered: string): number[] {
  const cited = new Set<number>();
  for (const match of rendered.matchAll(/href="#event-(\d+)"/g)) cited.add(Number(match[1]));
  return [...cited].sort((a, b) => a - b);
}

/** A business time as the report shows it: `2026-03-12 09:30 UTC`. */
export function when(at: string | null | undefined): string {
  return at === null || at === undefined ? "-" : `${at.slice(0, 16).replace("T", " ")} UTC`;
}

/** A table from headings and rows of already-built cells. */
export function table(headings: readonly string[], rows: readonly SafeHtml[], className = ""): SafeHtml {
  const head = headings.map((heading) => html`<th>${heading}</th>`);
  return html`<table class="${className}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** A paragraph saying a section has nothing to show. */
export function none(text: string): SafeHtml {
  return html`<p class="muted">${text}</p>`;
}
