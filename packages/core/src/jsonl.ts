import { Buffer } from "node:buffer";
import { open, type FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import type { EventCatalogue } from "./catalogue.js";
import type { RecordedEvent } from "./envelope.js";
import { LogError } from "./errors.js";
import { createLineSplitter } from "./jsonl-lines.js";
import { parseLines } from "./jsonl-parse.js";
import { serializeRecordedEvent } from "./recorded-codec.js";
import { decodeRecorded } from "./upcast.js";
import { writeFileAtomically, type WriteFileOptions } from "./write-file.js";

/** Options of `readJsonl`. */
export interface ReadJsonlOptions {
  /** When given, each event is decoded (upcast and parsed); otherwise events come as stored. */
  readonly catalogue?: EventCatalogue;
}

/**
 * Bytes read from the file at a time (about 200 events of a typical log): large enough that
 * the per-read cost vanishes against parsing, small enough that a batch of parsed events
 * dies young. With 1 MiB (about 1,700 events) each batch outlived the young generation's
 * collections and was promoted, so the old generation filled with garbage: an audit replay
 * of 1M events peaked at 602 MiB RSS, against 327 MiB at this size (41 MiB live either way).
 */
const CHUNK_BYTES = 1 << 17;

/**
 * Streams a JSONL log, one recorded event per line, never holding the whole file (nor more
 * than 1 MiB of one line). Every line must be exactly the canonical line of its event
 * (`canonicalLine`) ended by `\n`. A line that is not (not UTF-8, too long, a byte order
 * mark, not JSON, not a recorded event, nested too deep, an unsafe number, other bytes than
 * the canonical ones, no final newline) throws a `LogError` naming the file, the line and
 * where it can the column, after every event before it has been yielded.
 */
export async function* readJsonl(path: string, options: ReadJsonlOptions = {}): AsyncGenerator<RecordedEvent> {
  const { catalogue } = options;
  const name = basename(path);
  const file = await openLog(path);
  try {
    const lines = createLineSplitter();
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let lineNumber = 0;
    for (let done = false; !done; ) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, null);
      done = bytesRead === 0;
      const split = done ? lines.end() : lines.push(chunk.subarray(0, bytesRead));
      const { events, failure } = parseLines(split, name, lineNumber);
      if (done && split.length > 0) throw unterminated(failure, name, lineNumber + 1);
      for (const event of events) {
        lineNumber++;
        yield catalogue === undefined ? event : decodeRecorded(catalogue, event, lineNumber);
      }
      if (failure !== undefined) throw failure;
    }
  } finally {
    await file.close();
  }
}

/** The error for a last line without its newline: the line's own problem if it has one (it was likely cut off), else the missing newline. */
function unterminated(failure: LogError | undefined, name: string, lineNumber: number): LogError {
  const where = { line: lineNumber, ...(failure?.position === undefined ? {} : { position: failure.position }) };
  if (failure !== undefined) return new LogError(failure.code, `${failure.message} (the file ends inside this line, without a newline: it may have been cut off)`, where);
  return new LogError("non_canonical_line", `${name} line ${lineNumber}: the file ends without a newline after this line; every line of a log ends with \\n (was the file cut off or edited by hand?)`, where);
}

async function openLog(path: string): Promise<FileHandle> {
  try {
    return await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new LogError("missing_file", `${path}: no such file`);
    throw error;
  }
}

/**
 * Writes a log as JSONL, whole or not at all, through core's `writeFileAtomically` (a
 * temporary file created exclusively beside the target, flushed, then given its name). By
 * default it replaces a file at the path; with `{ replace: false }` a file there is a
 * `FileExistsError`. A failure, or events that throw while they are read, leaves the target
 * as it was.
 */
export async function writeJsonl(
  path: string,
  events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  options: WriteFileOptions = {},
): Promise<{ readonly count: number }> {
  let count = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const event of events) {
      count++;
      yield `${serializeRecordedEvent(event)}\n`;
    }
  }
  await writeFileAtomically(path, lines(), { replace: options.replace ?? true });
  return { count };
}
