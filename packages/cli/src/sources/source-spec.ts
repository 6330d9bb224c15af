import { resolve } from "node:path";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { usageError, type CliFailure } from "../command.js";

/** The schema a PostgreSQL log lives in when neither `?schema=` nor `--schema` names one (the store's default). */
export const DEFAULT_POSTGRES_SCHEMA = "handover";

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const SQLITE_SUFFIX = /\.(db|sqlite3?)$/i;

/** Where a log is: a JSONL file, a SQLite file, or a schema of a PostgreSQL database. */
export type SourceSpec =
  | { readonly kind: "jsonl"; readonly path: string; readonly label: string }
  | { readonly kind: "sqlite"; readonly path: string; readonly label: string }
  | { readonly kind: "postgres"; readonly connectionString: string; readonly schema: string; readonly label: string };

/** The forms a source may take, for usage lines and errors. */
export const SOURCE_FORMS = "a .jsonl file, sqlite:<file> or postgres://user@host/db[?schema=name]";

/** A connection string as people may see it: the password replaced by `***`. */
export function redactUrl(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password !== "") shown.password = "***";
  return shown.href;
}

function postgresSpec(text: string, schemaFlag: string | undefined): Either<CliFailure, SourceSpec> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return left(usageError(`${text}: not a PostgreSQL URL; expected postgres://user@host:5432/database[?schema=name]`));
  }
  const fromQuery = url.searchParams.get("schema") ?? undefined;
  if (fromQuery !== undefined && schemaFlag !== undefined && fromQuery !== schemaFlag) {
    return left(usageError(`the URL says ?schema=${fromQuery} but --schema says ${schemaFlag}; give one`));
  }
  const schema = fromQuery ?? schemaFlag ?? DEFAULT_POSTGRES_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) return left(usageError(`schema "${schema}": a schema name is lowercase letters, digits and underscores, starting with a letter or underscore, at most 63 characters`));
  url.searchParams.delete("schema");
  const label = `${redactUrl(url)}${url.search === "" ? "?" : "&"}schema=${schema}`;
  return right({ kind: "postgres", connectionString: url.href, schema, label });
}

/**
 * Reads where a log is from how a person writes it: `postgres://…` (or `postgresql://…`),
 * with the schema from `?schema=` or the `--schema` flag (default `handover`);
 * `sqlite:<file>`; or a path to a JSONL file. A path that looks like a SQLite file but
 * lacks the `sqlite:` prefix is refused with the fix, rather than read as JSONL.
 */
export function parseSourceSpec(text: string, schemaFlag?: string): Either<CliFailure, SourceSpec> {
  if (text === "") return left(usageError(`an empty source; give ${SOURCE_FORMS}`));
  if (/^postgres(ql)?:\/\//i.test(text)) return postgresSpec(text, schemaFlag);
  if (schemaFlag !== undefined) return left(usageError(`--schema applies to a postgres:// source, not ${text}`));
  if (text.startsWith("sqlite:")) {
    const path = text.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    return path === "" ? left(usageError("sqlite: names no file; write sqlite:<file>, e.g. sqlite:history.db")) : right({ kind: "sqlite", path, label: text });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return left(usageError(`${text}: unknown kind of source; give ${SOURCE_FORMS}`));
  if (SQLITE_SUFFIX.test(text)) return left(usageError(`${text} looks like a SQLite file; write sqlite:${text} to read it as one`));
  return right({ kind: "jsonl", path: text, label: text });
}

/** True when two specs name the same log. */
export function sameLog(a: SourceSpec, b: SourceSpec): boolean {
  if (a.kind === "postgres" && b.kind === "postgres") return a.connectionString === b.connectionString && a.schema === b.schema;
  return a.kind !== "postgres" && b.kind !== "postgres" && resolve(a.path) === resolve(b.path);
}
