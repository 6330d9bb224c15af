import type { RecordedEvent } from "./envelope.js";
import { LogError } from "./errors.js";
import { checkRecordedEnvelope } from "./recorded-codec.js";

/** The events of consecutive lines, up to the first line that is not one; that line's error, if any. */
export interface ParsedLines {
  readonly events: RecordedEvent[];
  readonly failure: LogError | undefined;
}

/**
 * Parses consecutive lines of a JSONL log, synchronously, stopping at the first that is
 * empty, not JSON or not a recorded event. `lineBefore` is the number of the line just
 * before the first one; errors name the file and the line.
 */
export function parseLines(lines: readonly string[], name: string, lineBefore: number): ParsedLines {
  const events: RecordedEvent[] = [];
  for (const line of lines) {
    const parsed = parseLine(line, name, lineBefore + events.length + 1);
    if (parsed instanceof LogError) return { events, failure: parsed };
    events.push(parsed);
  }
  return { events, failure: undefined };
}

/** One line as a recorded event (stored form, not decoded), or the `LogError` naming what is wrong with it. */
export function parseLine(line: string, name: string, lineNumber: number): RecordedEvent | LogError {
  if (line === "" || line === "\r") return new LogError("malformed_line", `${name} line ${lineNumber}: empty line; a log has one recorded event per line`, { line: lineNumber });
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new LogError("malformed_line", `${name} line ${lineNumber}: not valid JSON (${reason})`, { line: lineNumber });
  }
  const checked = checkRecordedEnvelope(parsed);
  if (typeof checked !== "string") return checked;
  const position = typeof (parsed as { position?: unknown } | null)?.position === "number" ? ` (position ${(parsed as { position: number }).position})` : "";
  return new LogError("invalid_envelope", `${name} line ${lineNumber}${position}: ${checked}`, { line: lineNumber });
}
