import { left, right, type Either } from "fp-ts/lib/Either.js";
import { importError, type ImportError } from "./import-error.js";

/** The columns of a ServiceNow incident audit log the importer reads; any other column is kept out. */
export const REQUIRED_COLUMNS = [
  "number",
  "incident_state",
  "reassignment_count",
  "reopen_count",
  "sys_mod_count",
  "made_sla",
  "caller_id",
  "opened_at",
  "sys_updated_by",
  "sys_updated_at",
  "category",
  "cmdb_ci",
  "impact",
  "urgency",
  "priority",
  "assignment_group",
  "assigned_to",
  "problem_id",
  "rfc",
  "caused_by",
  "closed_code",
  "resolved_at",
  "closed_at",
] as const;
/** A column the importer reads. */
export type Column = (typeof REQUIRED_COLUMNS)[number];

/** Where each column the importer reads sits in the header (0-based). */
export type ColumnIndex = Readonly<Record<Column, number>>;

/** Finds every required column in the header; a missing one is an error naming it and line 1. */
export function indexColumns(header: readonly string[], source: string): Either<ImportError, ColumnIndex> {
  const positions = new Map(header.map((name, index) => [name.trim(), index] as const));
  const index: Partial<Record<Column, number>> = {};
  for (const column of REQUIRED_COLUMNS) {
    const position = positions.get(column);
    if (position === undefined) return left(importError("missing_column", { source, line: 1, column }, `the header has no column "${column}"; a ServiceNow incident audit log has it`));
    index[column] = position;
  }
  return right(index as ColumnIndex);
}
