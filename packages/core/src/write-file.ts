import { randomUUID } from "node:crypto";
import { link, lstat, open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Thrown by `writeFileAtomically` when the target exists and the write may not replace it; nothing was written. */
export class FileExistsError extends Error {
  override readonly name = "FileExistsError";
  /** Node's code for the same condition. */
  readonly code = "EEXIST";

  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/** Options of `writeFileAtomically`. */
export interface WriteFileOptions {
  /** Replace a file already at the path (default false: a file there is a `FileExistsError`). */
  readonly replace?: boolean;
}

/** What a file is written from: its whole text or bytes, or chunks of text as they come (a log being exported). */
export type FileContent = string | Uint8Array | Iterable<string> | AsyncIterable<string>;

/** Text is handed to the file in writes of about this size. */
const WRITE_CHUNK = 1 << 20;

/** Codes of a file system that cannot make a hard link (FAT, some network and FUSE file systems). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

/**
 * Writes a file whole or not at all. The content goes to a temporary file created
 * exclusively in the target's folder under an unpredictable name (`O_CREAT | O_EXCL`, so a
 * link planted there is never followed, nor a file there reused), is flushed to disk, and
 * only then takes the target's name: by a hard link, which fails if the target exists
 * (`FileExistsError`), or, with `replace`, by a rename over it (a link at the target is
 * replaced, not followed). The folder is flushed after. On any failure, including content
 * that throws while it is read, the temporary file is removed and the target is as it was.
 */
export async function writeFileAtomically(path: string, content: FileContent, options: WriteFileOptions = {}): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path).slice(0, 80)}.${randomUUID()}.tmp`);
  const file = await open(temporary, "wx");
  try {
    await writeContent(file, content);
    await file.sync();
    await file.close();
    await (options.replace === true ? rename(temporary, path) : linkIntoPlace(temporary, path));
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await rm(temporary, { force: true });
  await syncFolder(folder);
}

async function writeContent(file: FileHandle, content: FileContent): Promise<void> {
  if (typeof content === "string" || content instanceof Uint8Array) {
    await file.writeFile(content);
    return;
  }
  let buffered = "";
  for await (const chunk of content) {
    buffered += chunk;
    if (buffered.length < WRITE_CHUNK) continue;
    await file.write(buffered);
    buffered = "";
  }
  if (buffered !== "") await file.write(buffered);
}

/** Gives the flushed temporary file the target's name unless something is there already. */
async function linkIntoPlace(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new FileExistsError(path);
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    // Without hard links the check and the rename are two steps: as close as such a file system allows.
    if (await exists(path)) throw new FileExistsError(path);
    await rename(temporary, path);
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Flushes the folder's entry of the new name, where the platform allows opening a folder. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
