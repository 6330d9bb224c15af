/** Why a PostgreSQL store could not be opened or used. */
export type PostgresStoreErrorCode = "schema_too_new" | "invalid_schema_name" | "connection_lost" | "closed" | "corrupt_schema";

/** Thrown (not returned) when the store itself is broken or unreachable; refusals are values. */
export class PostgresStoreError extends Error {
  override readonly name = "PostgresStoreError";
  /** Machine-readable reason. */
  readonly code: PostgresStoreErrorCode;
  /** The schema that holds the log. */
  readonly schema: string;

  constructor(code: PostgresStoreErrorCode, schema: string, message: string, options?: { readonly cause?: unknown }) {
    super(`schema ${schema}: ${message}`, options);
    this.code = code;
    this.schema = schema;
  }
}

const NODE_CONNECTION_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTCONN"]);

/**
 * True when an error means the connection to the server is gone: a network error, a
 * backend terminated by the server (SQLSTATE 57P01-57P03), or class 08 (connection exception).
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (NODE_CONNECTION_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code))) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error/i.test(error.message);
}

/**
 * Turns a lost connection during a write into a `PostgresStoreError` that says what was
 * and was not written; other errors are returned as they are.
 */
export function translateWriteError(error: unknown, schema: string, what: string, whileCommitting: boolean): unknown {
  if (!isConnectionLoss(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const outcome = whileCommitting
    ? "the commit may or may not have reached the server, but it is all or nothing: look the batch up by its command id (findCommand) or reread the stream before retrying"
    : "the transaction was rolled back by the server, so nothing of it was written; it is safe to retry";
  return new PostgresStoreError("connection_lost", schema, `the connection was lost during ${what} (${reason}); ${outcome}`, { cause: error });
}
