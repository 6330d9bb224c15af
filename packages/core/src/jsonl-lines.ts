import { Buffer } from "node:buffer";

const NEWLINE = 0x0a;

/**
 * Cuts UTF-8 bytes, fed in chunks, into lines at each `\n`. A line keeps a trailing `\r`
 * (the caller decides what it means). The byte 0x0A never occurs inside a multi-byte
 * UTF-8 character, so each line is decoded whole: a character cut by a chunk boundary
 * decodes as if the file had been read at once.
 */
export interface LineSplitter {
  /** The lines that end inside this chunk, in order. The chunk may be reused once this returns. */
  push(chunk: Uint8Array): string[];
  /** The last line, when the bytes did not end with `\n`; nothing otherwise. */
  end(): string[];
}

/** A fresh `LineSplitter` with nothing carried over. */
export function createLineSplitter(): LineSplitter {
  let carried: Buffer[] = [];
  const takeCarried = (tail: Uint8Array): string => {
    const line = Buffer.concat([...carried, tail]).toString("utf8");
    carried = [];
    return line;
  };
  return {
    push(chunk) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const first = bytes.indexOf(NEWLINE);
      if (first === -1) {
        if (bytes.length > 0) carried.push(Buffer.from(bytes));
        return [];
      }
      const last = bytes.lastIndexOf(NEWLINE);
      const head = carried.length === 0 ? bytes.toString("utf8", 0, first) : takeCarried(bytes.subarray(0, first));
      const lines = first === last ? [head] : [head, ...bytes.toString("utf8", first + 1, last).split("\n")];
      if (last + 1 < bytes.length) carried.push(Buffer.from(bytes.subarray(last + 1)));
      return lines;
    },
    end() {
      return carried.length === 0 ? [] : [takeCarried(new Uint8Array(0))];
    },
  };
}
