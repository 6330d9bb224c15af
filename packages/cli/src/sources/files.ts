import { lstat, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { FileExistsError, writeFileAtomically, writeJsonl, type FileContent, type RecordedEvent } from "@handover/core";
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

/** The refusal of a write over an existing file: name it and say how to overwrite it. */
export function existsRefusal(path: string): CliFailure {
  return inputError(`${path} already exists; give --force to overwrite it`);
}

/**
 * Checks, before any work, that a file can be written at a path and, without `force`,
 * that none is there yet: a command refuses early instead of after reading a whole log.
 * The write itself checks again (`writeNewFile`), so a file that appears meanwhile is
 * never overwritten.
 */
export async function newFileTarget(path: string, force: boolean): Promise<Either<CliFailure, string>> {
  const writable = await writableTarget(path);
  if (writable._tag === "Left" || force) return writable;
  const taken = await lstat(path).then(
    () => true,
    () => false,
  );
  return taken ? left(existsRefusal(path)) : right(path);
}

/**
 * Writes a file whole or nothing, through core's one writer (`writeFileAtomically`): a
 * temporary file created exclusively in the target's folder under an unpredictable name
 * (a link planted there is never followed), flushed, then linked into place, which fails
 * if the target exists; with `force` it is renamed over it instead. Refuses to overwrite
 * without `force`, naming the file. Every command that writes a file writes it here.
 */
export async function writeNewFile(path: string, content: FileContent, force: boolean): Promise<Either<CliFailure, string>> {
  const writable = await writableTarget(path);
  if (writable._tag === "Left") return writable;
  try {
    await writeFileAtomically(path, content, { replace: force });
  } catch (error) {
    if (error instanceof FileExistsError) return left(existsRefusal(path));
    throw error;
  }
  return right(path);
}

/** Writes a log as a JSONL file the same way (`writeNewFile`): whole or nothing, never over a file without `force`. */
export async function writeNewLog(path: string, events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>, force: boolean): Promise<Either<CliFailure, { readonly count: number }>> {
  const writable = await writableTarget(path);
  if (writable._tag === "Left") return writable;
  try {
    return right(await writeJsonl(path, events, { replace: force }));
  } catch (error) {
    if (error instanceof FileExistsError) return left(existsRefusal(path));
    throw error;
  }
}
