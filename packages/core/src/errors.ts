/** A refusal a person can act on: a stable machine code and a sentence naming what was wrong. */
export interface DomainError {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Builds a frozen domain error. */
export function domainError(
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError {
  return Object.freeze(details === undefined ? { code, message } : { code, message, details });
}

/** Thrown (not returned) when a stored log or file cannot be read: a broken store, not a refusal. */
export class LogError extends Error {
  override readonly name = "LogError";
  /** Machine-readable reason, such as `malformed_line` or `invalid_event`. */
  readonly code: string;
  /** 1-based line of the file, when the log is a file. */
  readonly line: number | undefined;
  /** Log position of the offending event, when known. */
  readonly position: number | undefined;
  /** 1-based column (or byte, for bytes that are not text) of the line where the problem starts, when known. */
  readonly column: number | undefined;

  constructor(
    code: string,
    message: string,
    where: { readonly line?: number; readonly position?: number; readonly column?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.line = where.line;
    this.position = where.position;
    this.column = where.column;
  }
}
