/** Text made safe for a Markdown table cell or paragraph: markup characters escaped, `<>&` as entities, one line. */
export function md(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === "") return "-";
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

/** A GitHub table from headings and rows of cells (cells already made safe with `md`). */
export function mdTable(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headings), line(headings.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Evidence positions in Markdown: `@12 @51`, each once. */
export function mdEvidence(positions: readonly number[]): string {
  return positions.length === 0 ? "-" : [...new Set(positions)].map((position) => `@${position}`).join(" ");
}

/** A business time in Markdown: `2026-03-12 09:30 UTC`. */
export function mdWhen(at: string | null | undefined): string {
  return at === null || at === undefined ? "-" : `${at.slice(0, 16).replace("T", " ")} UTC`;
}

/** A status as a Markdown verdict: ✅ pass, ⚠️ warn, ❌ fail. */
export function mdStatus(status: "pass" | "warn" | "fail"): string {
  return status === "pass" ? "✅ pass" : status === "warn" ? "⚠️ warn" : "❌ fail";
}
