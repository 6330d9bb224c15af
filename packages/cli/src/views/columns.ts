import type { TableColumn } from "../output/table.js";

/** A column of a text table with what it means: the table, the command's help and the guide say the same. */
export type ExplainedColumn<Row> = TableColumn<Row> & { readonly meaning: string };

/** A table a command prints, as its help and the guide explain it: which table, and each column's heading and meaning. */
export interface ColumnGroup {
  readonly table: string;
  readonly columns: readonly { readonly heading: string; readonly meaning: string }[];
}

/** The help lines that explain a command's tables: a line per table, then each column's heading and meaning. */
export function columnDetails(groups: readonly ColumnGroup[]): string[] {
  return groups.flatMap((group) => [`  columns of ${group.table}:`, ...group.columns.map((column) => `    ${column.heading.padEnd(18)} ${column.meaning}`)]);
}

/** One line of the guide's table of a command's columns: `| heading | meaning |`. */
export function columnGuideRow(column: ColumnGroup["columns"][number]): string {
  return `| ${column.heading} | ${column.meaning} |`;
}
