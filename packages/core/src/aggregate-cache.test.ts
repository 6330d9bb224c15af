import { describe, expect, it } from "vitest";
import { createAggregateCache } from "./aggregate-cache.js";

describe("createAggregateCache", () => {
  it("evicts the least recently used stream beyond maxEntries; a get marks a stream used", () => {
    const cache = createAggregateCache<number>({ maxEntries: 2 });
    cache.set("a", { state: 1, version: 1 });
    cache.set("b", { state: 2, version: 1 });
    expect(cache.get("a")).toEqual({ state: 1, version: 1 });
    cache.set("c", { state: 3, version: 1 });
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([{ state: 1, version: 1 }, undefined, { state: 3, version: 1 }]);
    expect(cache.size).toBe(2);
    expect(cache.stats().evictions).toBe(1);
  });

  it("keeps the bytes sizeOf weighs under maxBytes, evicting oldest first, and replaces a stream's entry without counting it twice", () => {
    const cache = createAggregateCache<string>({ maxBytes: 10, sizeOf: (state) => state.length });
    cache.set("a", { state: "aaaa", version: 1 });
    cache.set("b", { state: "bbbb", version: 1 });
    cache.set("a", { state: "aaaaa", version: 2 });
    expect(cache.bytes).toBe(9);
    cache.set("c", { state: "cc", version: 1 });
    expect(cache.get("b")).toBeUndefined();
    expect(cache.bytes).toBe(7);
    cache.set("huge", { state: "x".repeat(11), version: 1 });
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("drops and clears, counting only drops of streams it held", () => {
    const cache = createAggregateCache<number>();
    cache.set("a", { state: 1, version: 1 });
    cache.drop("a");
    cache.drop("never");
    expect(cache.get("a")).toBeUndefined();
    expect(cache.stats().dropped).toBe(1);
    cache.set("b", { state: 1, version: 1 });
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("refuses bounds it cannot keep, naming the option", () => {
    expect(() => createAggregateCache({ maxEntries: -1 })).toThrow(/maxEntries must be a whole number/);
    expect(() => createAggregateCache({ maxBytes: 100 })).toThrow(/maxBytes needs sizeOf/);
  });
});
