import { Buffer, isUtf8 } from "node:buffer";

const NEWLINE = 0x0a;

/** The longest line a JSONL log may hold, in bytes (1 MiB): a longer one is refused as soon as the reader has read that much of it. */
export const MAX_LINE_BYTES = 1 << 20;

/** A line the splitter could not hand on as text: longer than the limit, or not UTF-8 (`byte` is the 1-based offset of the first bad byte). */
export type LineFault = { readonly fault: "too_long" } | { readonly fault: "invalid_utf8"; readonly byte: number };

/** One line as the splitter hands it on: its text, or why it has none. */
export type SplitLine = string | LineFault;

/**
 * Cuts UTF-8 bytes, fed in chunks, into lines at each `\n`. A line keeps a trailing `\r`
 * (the caller decides what it means). The byte 0x0A never occurs inside a multi-byte
 * UTF-8 character, so each line is decoded whole: a character cut by a chunk boundary
 * decodes as if the file had been read at once. A line that is not valid UTF-8, or that
 * grows past the limit (the splitter stops holding it then, so memory stays flat), is
 * handed on as a `LineFault`, and nothing after it.
 */
export interface LineSplitter {
  /** The lines that end inside this chunk, in order. The chunk may be reused once this returns. */
  push(chunk: Uint8Array): SplitLine[];
  /** The last line, when the bytes did not end with `\n`; nothing otherwise. */
  end(): SplitLine[];
}

/** A fresh `LineSplitter` with nothing carried over. */
export function createLineSplitter(maxLineBytes: number = MAX_LINE_BYTES): LineSplitter {
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  let failed = false;
  const fail = (lines: SplitLine[], fault: LineFault): SplitLine[] => {
    failed = true;
    carried = [];
    carriedBytes = 0;
    lines.push(fault);
    return lines;
  };
  const takeCarried = (tail: Uint8Array, lines: SplitLine[]): boolean => {
    if (carriedBytes + tail.length > maxLineBytes) {
      fail(lines, { fault: "too_long" });
      return false;
    }
    const line = carried.length === 0 ? Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength) : Buffer.concat([...carried, tail]);
    carried = [];
    carriedBytes = 0;
    if (!isUtf8(line)) {
      fail(lines, { fault: "invalid_utf8", byte: firstInvalidByte(line) + 1 });
      return false;
    }
    lines.push(line.toString("utf8"));
    return true;
  };
  return {
    push(chunk) {
      if (failed) return [];
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const lines: SplitLine[] = [];
      const first = bytes.indexOf(NEWLINE);
      if (first === -1) {
        carriedBytes += bytes.length;
        if (carriedBytes > maxLineBytes) return fail(lines, { fault: "too_long" });
        if (bytes.length > 0) carried.push(Buffer.from(bytes));
        return lines;
      }
      if (!takeCarried(bytes.subarray(0, first), lines)) return lines;
      const last = bytes.lastIndexOf(NEWLINE);
      if (first !== last && !pushMiddle(bytes.subarray(first + 1, last), lines, maxLineBytes)) {
        failed = true;
        return lines;
      }
      const rest = bytes.subarray(last + 1);
      if (rest.length > maxLineBytes) return fail(lines, { fault: "too_long" });
      if (rest.length > 0) {
        carried.push(Buffer.from(rest));
        carriedBytes = rest.length;
      }
      return lines;
    },
    end() {
      if (failed || carried.length === 0) return [];
      const lines: SplitLine[] = [];
      takeCarried(new Uint8Array(0), lines);
      return lines;
    },
  };
}

/** Adds the whole lines between a chunk's first and last newline; false when one of them is at fault (it is added as the fault). */
function pushMiddle(region: Buffer, lines: SplitLine[], maxLineBytes: number): boolean {
  if (region.length <= maxLineBytes && isUtf8(region)) {
    for (const line of region.toString("utf8").split("\n")) lines.push(line);
    return true;
  }
  for (let start = 0; start <= region.length; ) {
    const found = region.indexOf(NEWLINE, start);
    const end = found === -1 ? region.length : found;
    const line = region.subarray(start, end);
    if (line.length > maxLineBytes) {
      lines.push({ fault: "too_long" });
      return false;
    }
    if (!isUtf8(line)) {
      lines.push({ fault: "invalid_utf8", byte: firstInvalidByte(line) + 1 });
      return false;
    }
    lines.push(line.toString("utf8"));
    start = end + 1;
  }
  return true;
}

/** The 0-based offset of the first byte that does not continue well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF). */
export function firstInvalidByte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return at;
    for (let next = 1; next < length; next++) {
      const byte = bytes[at + next];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return at;
      if (next === 1 && !secondByteAllowed(lead, byte)) return at;
    }
    at += length;
  }
  return bytes.length;
}

function secondByteAllowed(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0;
  if (lead === 0xed) return byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90;
  if (lead === 0xf4) return byte <= 0x8f;
  return true;
}
