import { html, type SafeHtml } from "../escape.js";

/** A pass, warn or fail badge. */
export function badge(status: "pass" | "warn" | "fail"): SafeHtml {
  return html`<span class="badge ${status}">${status.toUpperCase()}</span>`;
}

/** Evidence positions as the report shows them: `@12 @51` in monospace, each once (all of them: the pack is the record). */
export function evidence(positions: readonly number[]): SafeHtml {
  return positions.length === 0 ? html`<span class="muted">-</span>` : html`<span class="mono">${[...new Set(positions)].map((position) => `@${position}`).join(" ")}</span>`;
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
