/** Why a ServiceNow export could not be imported; nothing was written. */
export interface ImportError {
  readonly code:
    | "missing_file"
    | "empty_file"
    | "not_csv"
    | "broken_line"
    | "missing_column"
    | "malformed_date"
    | "invalid_value"
    | "outside_matrix"
    | "invalid_event";
  /** 1-based line of the file, when the problem is on a line. */
  readonly line?: number;
  /** The column's name, when the problem is in a column. */
  readonly column?: string;
  /** One sentence naming the file, line and column, and what was expected. */
  readonly message: string;
}

/** Where a problem is: the source's name, its line and (when known) its column. */
export interface Place {
  readonly source: string;
  readonly line: number;
  readonly column?: string | undefined;
  /** 1-based position of the column in the header. */
  readonly columnNumber?: number | undefined;
}

/** Builds an import error whose message starts with where it is: `log.csv line 57, column 14 (sys_updated_at): ...`. */
export function importError(code: ImportError["code"], place: Place, problem: string): ImportError {
  const named = place.columnNumber === undefined ? `${place.column}` : `${place.columnNumber} (${place.column})`;
  const column = place.column === undefined ? "" : `, column ${named}`;
  const message = `${place.source} line ${place.line}${column}: ${problem}`;
  return place.column === undefined ? { code, line: place.line, message } : { code, line: place.line, column: place.column, message };
}
