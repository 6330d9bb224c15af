import { parse, type CsvError } from "csv-parse/sync";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { binaryEvidence } from "./binary-input.js";
import { importError, type ImportError } from "./import-error.js";

/** One record of the CSV: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A parsed CSV: the header's column names and the records after it. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

/** Byte offsets of line starts, to name the line a record starts on (quoted fields may span lines). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let index = 0; index < bytes.length; index++) if (bytes[index] === 0x0a) starts.push(index + 1);
  return starts;
}

/** The offset where the next record starts: past the line breaks of blank lines. */
function skipLineBreaks(bytes: Uint8Array, offset: number): number {
  let at = offset;
  while (bytes[at] === 0x0a || bytes[at] === 0x0d) at++;
  return at;
}

function lineOfOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

const REASONS: Readonly<Record<string, string>> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "the line does not have as many fields as the header",
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
  CSV_INVALID_CLOSING_QUOTE: "a quoted field has text after its closing quote",
  INVALID_OPENING_QUOTE: "a quote appears inside a field that did not start with one",
};

function describeCsvError(error: CsvError, header: readonly string[] | undefined): { problem: string; column?: string; columnNumber?: number } {
  const reason = REASONS[error.code] ?? error.message;
  const record = (error as { record?: unknown }).record;
  if (error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" && Array.isArray(record) && header !== undefined) {
    const columnNumber = Math.min(record.length, header.length) + (record.length > header.length ? 1 : 0);
    const column = header[columnNumber - 1] ?? `field ${columnNumber}`;
    return { problem: `${reason}: ${header.length} expected, ${record.length} found`, column, columnNumber };
  }
  const index = typeof error.column === "number" ? error.column : undefined;
  if (index === undefined || header === undefined) return { problem: reason };
  return { problem: reason, column: header[index] ?? `field ${index + 1}`, columnNumber: index + 1 };
}

/**
 * Parses a CSV export (quoted fields, CRLF or LF, a UTF-8 byte-order mark, blank lines
 * skipped) with csv-parse. Binary input (a NUL byte, bytes that are not UTF-8) is refused
 * as not a CSV, naming where, without echoing it. A broken line is an error naming the line the record starts on and the
 * column where it breaks; an empty file is an error too.
 */
export function parseCsv(bytes: Uint8Array, source: string): Either<ImportError, CsvTable> {
  const starts = lineStarts(bytes);
  const binary = binaryEvidence(bytes);
  if (binary !== undefined) {
    const line = lineOfOffset(starts, binary.offset);
    const byte = binary.offset - (starts[line - 1] ?? 0) + 1;
    const problem =
      binary.kind === "nul"
        ? `not a CSV file: it holds binary data (a NUL byte at byte ${byte} of line ${line}); expected a ServiceNow incident audit log exported as CSV`
        : `not UTF-8 text (byte ${byte} of line ${line} is not UTF-8); a ServiceNow CSV export is UTF-8: export it again with UTF-8 encoding`;
    return left(importError("not_csv", { source, line }, problem));
  }
  const records: CsvRecord[] = [];
  let header: string[] | undefined;
  let consumed = 0;
  try {
    parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        const line = lineOfOffset(starts, skipLineBreaks(bytes, consumed));
        consumed = context.bytes;
        if (header === undefined) header = record;
        else records.push({ line, fields: record });
        return null;
      },
    });
  } catch (error) {
    if (!isCsvError(error)) throw error;
    const { problem, column, columnNumber } = describeCsvError(error, header);
    return left(importError("broken_line", { source, line: lineOfOffset(starts, skipLineBreaks(bytes, consumed)), column, columnNumber }, problem));
  }
  if (header === undefined) return left(importError("empty_file", { source, line: 1 }, "the file is empty; expected a header line and incident rows"));
  return right({ header, records });
}

function isCsvError(error: unknown): error is CsvError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}
