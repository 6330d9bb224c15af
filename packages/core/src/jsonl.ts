import { createReadStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { EventCatalogue } from "./catalogue.js";
import type { RecordedEvent } from "./envelope.js";
import { LogError } from "./errors.js";
import { checkRecordedEnvelope, serializeRecordedEvent } from "./recorded-codec.js";
import { decodeRecorded } from "./upcast.js";

/** Options of `readJsonl`. */
export interface ReadJsonlOptions {
  /** When given, each event is decoded (upcast and parsed); otherwise events come as stored. */
  readonly catalogue?: EventCatalogue;
}

/**
 * Streams a JSONL log, one recorded event per line, never holding the whole file. A line
 * that is not JSON or not a recorded event throws a `LogError` naming the file and line.
 */
export async function* readJsonl(path: string, options: ReadJsonlOptions = {}): AsyncGenerator<RecordedEvent> {
  const name = basename(path);
  let lineNumber = 0;
  for await (const line of readLines(path)) {
    lineNumber++;
    if (line === "" || line === "\r") throw new LogError("malformed_line", `${name} line ${lineNumber}: empty line; a log has one recorded event per line`, { line: lineNumber });
    const event = parseLine(line, name, lineNumber);
    yield options.catalogue === undefined ? event : decodeRecorded(options.catalogue, event, lineNumber);
  }
}

function parseLine(line: string, name: string, lineNumber: number): RecordedEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LogError("malformed_line", `${name} line ${lineNumber}: not valid JSON (${reason})`, { line: lineNumber });
  }
  const checked = checkRecordedEnvelope(parsed);
  if (typeof checked === "string") {
    const position = typeof (parsed as { position?: unknown } | null)?.position === "number" ? ` (position ${(parsed as { position: number }).position})` : "";
    throw new LogError("invalid_envelope", `${name} line ${lineNumber}${position}: ${checked}`, { line: lineNumber });
  }
  return checked;
}

async function* readLines(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  let rest = "";
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = rest + chunk;
      let start = 0;
      let newline = text.indexOf("\n", start);
      while (newline !== -1) {
        yield text.slice(start, newline);
        start = newline + 1;
        newline = text.indexOf("\n", start);
      }
      rest = text.slice(start);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new LogError("missing_file", `${path}: no such file`);
    throw error;
  }
  if (rest !== "") yield rest;
}

let temporaryCounter = 0;

/**
 * Writes a log as JSONL atomically: to a temporary file beside the target, flushed to
 * disk, then renamed over it. A failure leaves the target as it was.
 */
export async function writeJsonl(
  path: string,
  events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
): Promise<{ readonly count: number }> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${++temporaryCounter}.tmp`);
  const file = await open(temporary, "w");
  let count = 0;
  try {
    let buffer = "";
    for await (const event of events) {
      buffer += `${serializeRecordedEvent(event)}\n`;
      count++;
      if (buffer.length >= 1 << 20) {
        await file.write(buffer);
        buffer = "";
      }
    }
    if (buffer !== "") await file.write(buffer);
    await file.sync();
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return { count };
}
