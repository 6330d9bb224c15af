import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedPositions } from "./sorted-positions.js";

describe("SortedPositions", () => {
  it("keeps what a set of numbers keeps, in ascending order, whatever the order of adds and deletes", () => {
    const operation = fc.record({ add: fc.boolean(), position: fc.integer({ min: 1, max: 60 }) });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const kept = new SortedPositions();
        const model = new Set<number>();
        for (const { add, position } of operations) {
          if (add) {
            kept.add(position);
            model.add(position);
          } else expect(kept.delete(position)).toBe(model.delete(position));
          expect(kept.has(position)).toBe(model.has(position));
        }
        expect([...kept]).toEqual([...model].sort((a, b) => a - b));
        expect(kept.size).toBe(model.size);
      }),
    );
  });

  it("grows past its first capacity and keeps positions a log of billions of events has", () => {
    const kept = new SortedPositions();
    for (let position = 1; position <= 100_000; position++) kept.add(position * 50_000);
    expect(kept.size).toBe(100_000);
    expect(kept.delete(50_000 * 777)).toBe(true);
    expect(kept.has(50_000 * 777)).toBe(false);
    expect([...kept].slice(775, 778)).toEqual([50_000 * 776, 50_000 * 778, 50_000 * 779]);
    expect([...kept].at(-1)).toBe(5_000_000_000);
  });
});
