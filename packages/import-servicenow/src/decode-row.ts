import type { PriorityMatrix } from "@handover/itil";
import { priorityFor } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { Column, ColumnIndex } from "./columns.js";
import type { CsvRecord } from "./csv.js";
import { importError, type ImportError } from "./import-error.js";
import { SOURCE_STATES, type Snapshot, type TargetState } from "./snapshot.js";
import { optionalText, parseCount, parseFlag, parseLevel, parseOptionalSourceTime, parseSourceTime, requiredText } from "./values.js";

/** Thrown inside `decodeRow` only, to leave at the first bad field; caught there and returned as a value. */
class FieldProblem {
  constructor(readonly error: ImportError) {}
}

/**
 * Decodes one CSV record into a snapshot: required values present, dates and levels
 * well formed, the state known, impact and urgency inside the configured matrix. The
 * first problem is an error naming the line and the column.
 */
export function decodeRow(record: CsvRecord, fileIndex: number, columns: ColumnIndex, matrix: PriorityMatrix, source: string): Either<ImportError, Snapshot> {
  const place = (column: Column) => ({ source, line: record.line, column, columnNumber: columns[column] + 1 });
  const raw = (column: Column): string => record.fields[columns[column]] ?? "";
  const read = <T>(column: Column, parser: (value: string) => Either<string, T>, code: ImportError["code"] = "invalid_value"): T => {
    const parsed = parser(raw(column));
    if (parsed._tag === "Left") throw new FieldProblem(importError(code, place(column), parsed.left));
    return parsed.right;
  };
  try {
    const stateName = read("incident_state", requiredText);
    const target = SOURCE_STATES[stateName];
    if (target === undefined) throw new FieldProblem(importError("invalid_value", place("incident_state"), `unknown state ${JSON.stringify(stateName)}; expected one of ${Object.keys(SOURCE_STATES).join(", ")}`));
    const impact = read("impact", parseLevel);
    const urgency = read("urgency", parseLevel);
    insideMatrix(matrix, impact, urgency, place);
    return right({
      line: record.line,
      fileIndex,
      fingerprint: record.fields.join("\u0000"),
      number: read("number", requiredText),
      sourceState: stateName,
      target: target as TargetState,
      reassignmentCount: read("reassignment_count", parseCount),
      reopenCount: read("reopen_count", parseCount),
      modCount: read("sys_mod_count", parseCount),
      madeSla: read("made_sla", parseFlag),
      caller: optionalText(raw("caller_id")),
      category: optionalText(raw("category")),
      openedAt: read("opened_at", parseOptionalSourceTime, "malformed_date"),
      updatedBy: read("sys_updated_by", requiredText),
      updatedAt: read("sys_updated_at", parseSourceTime, "malformed_date"),
      ciId: optionalText(raw("cmdb_ci")),
      impact,
      urgency,
      priority: read("priority", parseLevel),
      group: optionalText(raw("assignment_group")),
      assignee: optionalText(raw("assigned_to")),
      problemId: optionalText(raw("problem_id")),
      rfc: optionalText(raw("rfc")),
      causedBy: optionalText(raw("caused_by")),
      closedCode: optionalText(raw("closed_code")),
      resolvedAt: read("resolved_at", parseOptionalSourceTime, "malformed_date"),
      closedAt: read("closed_at", parseOptionalSourceTime, "malformed_date"),
    });
  } catch (problem) {
    if (problem instanceof FieldProblem) return left(problem.error);
    throw problem;
  }
}

function insideMatrix(matrix: PriorityMatrix, impact: number, urgency: number, place: (column: Column) => Parameters<typeof importError>[1]): void {
  const priority = priorityFor(matrix, impact, urgency);
  if (priority._tag === "Right") return;
  const column: Column = impact > matrix.impacts ? "impact" : "urgency";
  throw new FieldProblem(importError("outside_matrix", place(column), `${priority.left}; import with a matrix that has it`));
}
