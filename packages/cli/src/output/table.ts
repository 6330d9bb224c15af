/** A column of a text table: its heading and how a row shows in it. */
export interface TableColumn<Row> {
  readonly heading: string;
  readonly cell: (row: Row) => string;
  readonly align?: "left" | "right";
}

/** Renders rows as a plain-text table with a heading line, columns padded to their widest cell. */
export function renderTable<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, index) => Math.max(column.heading.length, ...cells.map((line) => (line[index] ?? "").length)));
  const format = (values: readonly string[]) =>
    values
      .map((value, index) => (columns[index]?.align === "right" ? value.padStart(widths[index] ?? 0) : value.padEnd(widths[index] ?? 0)))
      .join("  ")
      .trimEnd();
  return [format(columns.map((column) => column.heading)), ...cells.map(format)].join("\n") + "\n";
}

/** JSON as the commands print it: two-space indented, one trailing newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
