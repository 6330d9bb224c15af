import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure } from "../command.js";

/** Checks that a path names a readable file (not a directory); the reason names the path. */
export async function existingFile(path: string): Promise<Either<CliFailure, string>> {
  try {
    const found = await stat(path);
    return found.isFile() ? right(path) : left(inputError(`${path}: is not a file`));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return left(inputError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot be read (${code ?? String(error)})`));
  }
}

/** Checks that a file can be written at a path: its folder exists and it is not a folder itself. */
export async function writableTarget(path: string): Promise<Either<CliFailure, string>> {
  const folder = dirname(path);
  try {
    const found = await stat(folder);
    if (!found.isDirectory()) return left(inputError(`${path}: ${folder} is not a folder`));
  } catch {
    return left(inputError(`${path}: the folder ${folder} does not exist`));
  }
  try {
    if ((await stat(path)).isDirectory()) return left(inputError(`${path}: is a folder; give a file name`));
  } catch {
    // No file there yet: it will be created.
  }
  return right(path);
}
