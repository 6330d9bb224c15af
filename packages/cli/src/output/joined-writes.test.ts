import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { writeJoined } from "./joined-writes.js";

async function* asynchronously(lines: readonly string[]): AsyncIterable<string> {
  for (const line of lines) yield line;
}

describe("writeJoined", () => {
  test.prop([fc.array(fc.string({ maxLength: 5 }), { maxLength: 40 }), fc.constantFrom("\n", ",\n", ""), fc.integer({ min: 1, max: 12 })])("writes what one join writes, at most perWrite lines a write", async (lines, separator, perWrite) => {
    const writes: string[] = [];
    const written = await writeJoined(asynchronously(lines), separator, (text) => writes.push(text), perWrite);
    expect(writes.join("")).toBe(lines.join(separator));
    expect(written).toBe(lines.length);
    expect(writes.length).toBe(Math.ceil(lines.length / perWrite));
  });

  it("takes a plain iterable too, and refuses a batch size that is not a whole number from 1", async () => {
    const writes: string[] = [];
    await writeJoined(["a", "b", "c"], "|", (text) => writes.push(text), 2);
    expect(writes).toEqual(["a|b", "|c"]);
    await expect(writeJoined([], "", () => undefined, 0)).rejects.toThrow(RangeError);
  });
});
