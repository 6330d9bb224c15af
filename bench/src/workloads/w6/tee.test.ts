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

describe("teeAsync keeps memory bounded", () => {
  it("holds a fast reader back to maxDrift items ahead of the slowest", async () => {
    const [fast, slow] = teeAsync(counted(500, { count: 0 }), 2, 10) as [AsyncIterable<number>, AsyncIterable<number>];
    let fastRead = 0;
    let slowRead = 0;
    let widest = 0;
    const readFast = (async () => {
      for await (const _ of fast) {
        fastRead++;
        widest = Math.max(widest, fastRead - slowRead);
      }
    })();
    const readSlow = (async () => {
      for await (const _ of slow) {
        slowRead++;
        for (let tick = 0; tick < 5; tick++) await Promise.resolve();
      }
    })();
    await Promise.all([readFast, readSlow]);
    expect([fastRead, slowRead]).toEqual([500, 500]);
    expect(widest).toBeLessThanOrEqual(11);
  });

  it("lets the others go on when a reader stops early", async () => {
    const [early, late] = teeAsync(counted(100, { count: 0 }), 2, 5) as [AsyncIterable<number>, AsyncIterable<number>];
    const first: number[] = [];
    for await (const item of early) {
      first.push(item);
      if (item === 2) break;
    }
    expect(first).toEqual([0, 1, 2]);
    expect(await collect(late)).toHaveLength(100);
  });
});
