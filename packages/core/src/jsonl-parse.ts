import { canonicalJsonOfParsed, CanonicalJsonError } from "./canonical-json.js";
import { joinLine, rememberEnvelopeParts, writeParts, type EnvelopeParts } from "./canonical-line.js";
import type { RecordedEvent } from "./envelope.js";
import { LogError } from "./errors.js";
import type { SplitLine } from "./jsonl-lines.js";
import { describeNonCanonical } from "./non-canonical.js";
import { checkRecordedEnvelope } from "./recorded-codec.js";

/** The events of consecutive lines, up to the first line that is not one; that line's error, if any. */
export interface ParsedLines {
  readonly events: RecordedEvent[];
  readonly failure: LogError | undefined;
}

/**
 * Parses consecutive lines of a JSONL log, synchronously, stopping at the first that is
 * not the canonical line of a recorded event. `lineBefore` is the number of the line just
 * before the first one; errors name the file and the line.
 */
export function parseLines(lines: readonly SplitLine[], name: string, lineBefore: number): ParsedLines {
  const events: RecordedEvent[] = [];
  for (const line of lines) {
    const lineNumber = lineBefore + events.length + 1;
    const parsed = typeof line === "string" ? parseLine(line, name, lineNumber) : faultError(line, name, lineNumber);
    if (parsed instanceof LogError) return { events, failure: parsed };
    events.push(parsed);
  }
  return { events, failure: undefined };
}

function faultError(line: Exclude<SplitLine, string>, name: string, lineNumber: number): LogError {
  if (line.fault === "too_long") {
    return new LogError("line_too_long", `${name} line ${lineNumber}: longer than the 1 MiB a recorded event may take; the reader stopped there`, { line: lineNumber });
  }
  return new LogError("invalid_utf8", `${name} line ${lineNumber}, byte ${line.byte}: not valid UTF-8; a log is UTF-8 text`, { line: lineNumber, column: line.byte });
}

/**
 * One line as a recorded event (stored form, not decoded), or the `LogError` naming what is
 * wrong with it: empty, a byte order mark, not JSON, not a recorded event, data nested too
 * deep or holding an unsafe number, or bytes that differ from the event's canonical line.
 */
export function parseLine(line: string, name: string, lineNumber: number): RecordedEvent | LogError {
  const where = `${name} line ${lineNumber}`;
  if (line === "" || line === "\r") return new LogError("malformed_line", `${where}: empty line; a log has one recorded event per line`, { line: lineNumber });
  if (line.charCodeAt(0) === 0xfeff) return new LogError("byte_order_mark", `${where}: starts with a byte order mark (U+FEFF); a log is UTF-8 without one`, { line: lineNumber, column: 1 });
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new LogError("malformed_line", `${where}: not valid JSON (${reason})`, { line: lineNumber });
  }
  const checked = checkRecordedEnvelope(parsed);
  if (typeof checked === "string") {
    const position = typeof (parsed as { position?: unknown } | null)?.position === "number" ? ` (position ${(parsed as { position: number }).position})` : "";
    return new LogError("invalid_envelope", `${where}${position}: ${checked}`, { line: lineNumber });
  }
  const parts = partsOrError(checked, where, lineNumber);
  if (parts instanceof LogError) return parts;
  const canonical = joinLine(parts, checked.hash);
  if (canonical !== line) {
    const { column, reason } = describeNonCanonical(line, canonical);
    return new LogError("non_canonical_line", `${where} (position ${checked.position}), column ${column}: not the canonical form of its event: ${reason}; a line must be exactly its RFC 8785 canonical JSON`, {
      line: lineNumber,
      position: checked.position,
      column,
    });
  }
  rememberEnvelopeParts(checked, parts);
  return checked;
}

function partsOrError(event: RecordedEvent, where: string, lineNumber: number): EnvelopeParts | LogError {
  const data = canonicalOrError(event.data, "data", event.position, where, lineNumber);
  if (data instanceof LogError) return data;
  const meta = canonicalOrError(event.meta, "meta", event.position, where, lineNumber);
  if (meta instanceof LogError) return meta;
  return writeParts(event, data, meta);
}

/** The canonical JSON of data or meta, or the error naming the value that has none (nested too deep, an unsafe number). */
function canonicalOrError(value: unknown, field: "data" | "meta", position: number, where: string, lineNumber: number): string | LogError {
  try {
    return canonicalJsonOfParsed(value);
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    const code = error.problem === "not_json" ? "invalid_envelope" : error.problem;
    return new LogError(code, `${where} (position ${position}): ${error.message.replace("canonicalJson: $", field)}`, { line: lineNumber, position });
  }
}
