import { escapeCell } from "./terminal-text.js";
import { padVisible, visibleWidth } from "./text-width.js";

/** A column of a text table: its heading and how a row shows in it. */
export interface TableColumn<Row> {
  readonly heading: string;
  readonly cell: (row: Row) => string;
  readonly align?: "left" | "right";
}

/**
 * Renders rows as a plain-text table with a heading line, columns padded to their widest
 * cell as a terminal draws it (colour codes take no width, wide characters two columns).
 * Each cell is one line: control characters in it, line feeds and tabs included, are
 * escaped (`\n`, `\u001b`), so a value from a log can neither break a row nor forge one.
 */
export function renderTable<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => escapeCell(column.cell(row))));
  // A loop, not Math.max(...widths): spreading one argument per row overflows the call stack past ~120,000 rows (the findings of a 1M-event audit).
  const widths = columns.map((column, index) => {
    let width = visibleWidth(column.heading);
    for (const line of cells) width = Math.max(width, visibleWidth(line[index] ?? ""));
    return width;
  });
  const format = (values: readonly string[]) =>
    values
      .map((value, index) => padVisible(value, widths[index] ?? 0, columns[index]?.align ?? "left"))
      .join("  ")
      .trimEnd();
  return [format(columns.map((column) => column.heading)), ...cells.map(format)].join("\n") + "\n";
}

/** JSON as the commands print it: two-space indented, one trailing newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
