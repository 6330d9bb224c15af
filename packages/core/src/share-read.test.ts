import { describe, expect, it } from "vitest";
import { shareOneRead } from "./share-read.js";

/** A source of 0..n-1 that counts what was asked of it, and can fail at one item. */
function countedSource(n: number, failAt?: number) {
  const counts = { next: 0, returned: 0, opened: 0 };
  const source: AsyncIterable<number> = {
    [Symbol.asyncIterator]() {
      counts.opened += 1;
      let i = 0;
      return {
        async next() {
          counts.next += 1;
          if (i === failAt) throw new Error(`source failed at ${i}`);
          return i < n ? { value: i++, done: false } : { value: undefined, done: true };
        },
        async return() {
          counts.returned += 1;
          return { value: undefined, done: true };
        },
      };
    },
  };
  return { source, counts };
}

async function sum(events: AsyncIterable<number>): Promise<number> {
  let total = 0;
  for await (const event of events) total += event;
  return total;
}

async function count(events: AsyncIterable<number>): Promise<number> {
  let seen = 0;
  for await (const _event of events) seen += 1;
  return seen;
}

describe("one read shared by several readers", () => {
  it("gives every reader every item, in order, from one read of the source", async () => {
    const { source, counts } = countedSource(2_000);
    const answers = await shareOneRead(source, { sum, count, last: async (events) => {
      let last = -1;
      for await (const event of events) {
        expect(event).toBe(last + 1);
        last = event;
      }
      return last;
    } }, 64);
    expect(answers).toEqual({ sum: (1_999 * 2_000) / 2, count: 2_000, last: 1_999 });
    expect(counts.opened).toBe(1);
    // Every item once, and the one that says the source is done.
    expect(counts.next).toBe(2_001);
    expect(counts.returned).toBe(0);
  });

  it("goes on for the others when a reader stops early, and closes a source no reader read to its end", async () => {
    const { source, counts } = countedSource(1_000);
    const firstTen = async (events: AsyncIterable<number>) => {
      const taken: number[] = [];
      for await (const event of events) {
        taken.push(event);
        if (taken.length === 10) break;
      }
      return taken;
    };
    const all = await shareOneRead(source, { firstTen, count }, 8);
    expect(all.firstTen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.count).toBe(1_000);
    expect(counts.returned).toBe(0);

    const shortOnly = countedSource(1_000);
    const answers = await shareOneRead(shortOnly.source, { firstTen, nothing: async () => "never read" }, 8);
    expect(answers).toEqual({ firstTen: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], nothing: "never read" });
    // Two batches of 8 were enough, and the source was closed after.
    expect(shortOnly.counts.next).toBe(16);
    expect(shortOnly.counts.returned).toBe(1);
  });

  it("holds one batch at a time: the source is read only as far as the slowest reader", async () => {
    const { source, counts } = countedSource(100);
    const seenAt: number[] = [];
    const watcher = async (events: AsyncIterable<number>) => {
      for await (const event of events) seenAt.push(counts.next - event);
      return seenAt.length;
    };
    await shareOneRead(source, { watcher, count }, 10);
    // When a reader sees an item, the source was asked for at most one batch past it.
    expect(Math.max(...seenAt)).toBeLessThanOrEqual(10);
  });

  it("rejects with the source's failure once every reader stopped", async () => {
    const { source } = countedSource(100, 37);
    await expect(shareOneRead(source, { sum, count }, 10)).rejects.toThrow("source failed at 37");
  });

  it("rejects with a reader's failure and stops the others, closing the source", async () => {
    const { source, counts } = countedSource(100_000);
    const failing = async (events: AsyncIterable<number>) => {
      for await (const event of events) if (event === 25) throw new Error("reader failed at 25");
      return "unreachable";
    };
    await expect(shareOneRead(source, { failing, count }, 10)).rejects.toThrow("reader failed at 25");
    expect(counts.next).toBeLessThan(100);
    expect(counts.returned).toBe(1);
  });

  it("refuses a reader that reads its events twice, and a batch size that is not a positive integer", async () => {
    const { source } = countedSource(10);
    const twice = async (events: AsyncIterable<number>) => (await sum(events)) + (await sum(events));
    await expect(shareOneRead(source, { twice })).rejects.toThrow('reader "twice" read its events twice');
    await expect(shareOneRead(countedSource(1).source, { sum }, 0)).rejects.toThrow(RangeError);
  });

  it("answers nothing, and reads nothing, for no readers", async () => {
    const { source, counts } = countedSource(10);
    expect(await shareOneRead(source, {})).toEqual({});
    expect(counts.next).toBe(0);
  });
});
