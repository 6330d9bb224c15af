import { describe, expect, it } from "vitest";
import { teeAsync } from "./tee.js";

async function* counted(n: number, reads: { count: number }): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    reads.count++;
    await Promise.resolve();
    yield i;
  }
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe("teeAsync", () => {
  it("gives every reader every item, in order, reading the source once", async () => {
    const reads = { count: 0 };
    const [a, b, c] = teeAsync(counted(1000, reads), 3);
    const results = await Promise.all([collect(a as AsyncIterable<number>), collect(b as AsyncIterable<number>), collect(c as AsyncIterable<number>)]);
    const expected = Array.from({ length: 1000 }, (_, i) => i);
    expect(results).toEqual([expected, expected, expected]);
    expect(reads.count).toBe(1000);
  });

  it("ends every reader on an empty source", async () => {
    const [a, b] = teeAsync(counted(0, { count: 0 }), 2);
    expect(await Promise.all([collect(a as AsyncIterable<number>), collect(b as AsyncIterable<number>)])).toEqual([[], []]);
  });
});
