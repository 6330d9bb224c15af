import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { left, type Either } from "fp-ts/lib/Either.js";
import type { ImportError } from "./import-error.js";
import { importServiceNow, type ServiceNowImport, type ServiceNowImportOptions } from "./import.js";

/** Imports a ServiceNow CSV file; a file that cannot be read is an error naming it. Errors name the file by its base name. */
export async function importServiceNowFile(path: string, options: ServiceNowImportOptions = {}): Promise<Either<ImportError, ServiceNowImport>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a CSV file" : `cannot be read (${code ?? String(error)})`;
    return left({ code: "missing_file", message: `${path}: ${reason}` });
  }
  return importServiceNow(bytes, { source: basename(path), ...options });
}
