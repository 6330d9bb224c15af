import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLineSplitter, type SplitLine } from "./jsonl-lines.js";

/** Feeds the bytes to a fresh splitter cut at the given offsets, reusing one buffer as the reader does. */
function splitInChunks(bytes: Uint8Array, cuts: readonly number[]): SplitLine[] {
  const splitter = createLineSplitter();
  const reused = new Uint8Array(bytes.length);
  const lines: SplitLine[] = [];
  let start = 0;
  for (const end of [...cuts, bytes.length]) {
    reused.set(bytes.subarray(start, end));
    lines.push(...splitter.push(reused.subarray(0, end - start)));
    reused.fill(0x3f);
    start = end;
  }
  return [...lines, ...splitter.end()];
}

/** The lines of a text read at once: what any chunking must give. */
function linesOf(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe("line splitter", () => {
  it("gives the lines of the whole text, however the bytes are cut (inside a line, inside a character)", () => {
    const text = fc.array(fc.constantFrom("a", "é", "€", "😀", "\n", "\r", "\r\n", "{}"), { maxLength: 60 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (whole, offsets) => {
        const bytes = bytesOf(whole);
        const cuts = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort((a, b) => a - b);
        expect(splitInChunks(bytes, cuts)).toEqual(linesOf(whole));
      }),
      { numRuns: 500 },
    );
  });

  it("joins a character cut between chunks, byte by byte", () => {
    const bytes = bytesOf('{"note":"😀€é"}\n');
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, index) => index + 1);
    expect(splitInChunks(bytes, everyByte)).toEqual(['{"note":"😀€é"}']);
  });

  it("keeps the \\r of a CRLF line and returns a last line without a newline", () => {
    expect(splitInChunks(bytesOf("one\r\ntwo\r\nthree"), [4])).toEqual(["one\r", "two\r", "three"]);
  });

  it("gives empty lines as empty strings and nothing after a final newline", () => {
    expect(splitInChunks(bytesOf("one\n\n\r\ntwo\n"), [])).toEqual(["one", "", "\r", "two"]);
    expect(splitInChunks(new Uint8Array(0), [])).toEqual([]);
  });
});
