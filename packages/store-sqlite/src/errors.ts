/** Why a SQLite store could not be opened or used: the file, its schema, or the lock. */
export type SqliteStoreErrorCode =
  | "corrupt_file"
  | "not_a_handover_store"
  | "schema_too_new"
  | "head_mismatch"
  | "busy"
  | "closed";

/** Thrown (not returned) when the store itself is broken or unusable; refusals are values. */
export class SqliteStoreError extends Error {
  override readonly name = "SqliteStoreError";
  /** Machine-readable reason. */
  readonly code: SqliteStoreErrorCode;
  /** The database file the error is about. */
  readonly path: string;

  constructor(code: SqliteStoreErrorCode, path: string, message: string, options?: { readonly cause?: unknown }) {
    super(`${path}: ${message}`, options);
    this.code = code;
    this.path = path;
  }
}

const CORRUPT_CODES = new Set(["SQLITE_NOTADB", "SQLITE_CORRUPT", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_SEQUENCE", "SQLITE_CORRUPT_VTAB"]);
const BUSY_CODES = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED"]);

/**
 * Turns a better-sqlite3 error that means "the file is damaged" or "the lock was held too
 * long" into a `SqliteStoreError` naming the file; any other error is returned as it is.
 */
export function translateSqliteError(error: unknown, path: string, busyTimeoutMs: number): unknown {
  if (error instanceof SqliteStoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  if (typeof code !== "string") return error;
  if (CORRUPT_CODES.has(code)) {
    return new SqliteStoreError("corrupt_file", path, `the database file is corrupt or not a SQLite database (${code}: ${reason}); restore it from a backup or a JSONL export`, { cause: error });
  }
  if (BUSY_CODES.has(code)) {
    return new SqliteStoreError("busy", path, `another connection held the write lock for more than ${busyTimeoutMs} ms (${code}); nothing of this operation was written`, { cause: error });
  }
  return error;
}

/** Runs a piece of store work, rethrowing SQLite failures as `SqliteStoreError`s. */
export function guarded<T>(path: string, busyTimeoutMs: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw translateSqliteError(error, path, busyTimeoutMs);
  }
}
