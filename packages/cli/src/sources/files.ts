import { randomUUID } from "node:crypto";
import { link, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
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

/**
 * Writes a whole file or nothing: the text goes to a temporary file created exclusively in
 * the target's folder (an unpredictable name, never through a link placed there), flushed,
 * then linked into place, which fails if the target exists; with `force` it is renamed over
 * it instead. Refuses to overwrite without `force`, naming the file.
 */
export async function writeNewFile(path: string, text: string | Uint8Array, force: boolean): Promise<Either<CliFailure, string>> {
  const writable = await writableTarget(path);
  if (writable._tag === "Left") return writable;
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const file = await open(temporary, "wx", 0o644);
  try {
    await file.writeFile(text);
    await file.sync();
    await file.close();
    if (force) await rename(temporary, path);
    else await link(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return left(inputError(`${path} already exists; give --force to overwrite it`));
    throw error;
  }
  await rm(temporary, { force: true });
  return right(path);
}
