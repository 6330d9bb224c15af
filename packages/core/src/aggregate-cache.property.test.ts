import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAggregateCache } from "./aggregate-cache.js";

type Operation = { kind: "get" | "drop"; stream: string } | { kind: "set"; stream: string; state: number } | { kind: "clear" };

const streams = fc.constantFrom("a", "b", "c", "d");
const operations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constantFrom("get" as const, "drop" as const), stream: streams }),
    fc.record({ kind: fc.constant("set" as const), stream: streams, state: fc.integer({ min: 0, max: 9 }) }),
    fc.record({ kind: fc.constant("clear" as const) }),
  ),
  { maxLength: 60 },
);

/** The least recently used cache written the plain way: an array, oldest first, weighed on every step. */
function referenceCache(maxEntries: number, maxBytes: number) {
  let held: { stream: string; state: number }[] = [];
  const weight = (): number => held.reduce((sum, entry) => sum + entry.state, 0);
  return {
    get(stream: string): number | undefined {
      const entry = held.find((candidate) => candidate.stream === stream);
      if (entry === undefined) return undefined;
      held = [...held.filter((candidate) => candidate !== entry), entry];
      return entry.state;
    },
    set(stream: string, state: number): void {
      held = [...held.filter((candidate) => candidate.stream !== stream), { stream, state }];
      while (held.length > 0 && (held.length > maxEntries || weight() > maxBytes)) held = held.slice(1);
    },
    drop(stream: string): void {
      held = held.filter((candidate) => candidate.stream !== stream);
    },
    clear(): void {
      held = [];
    },
    view: () => ({ size: held.length, bytes: weight() }),
  };
}

describe("createAggregateCache, against a plain least-recently-used model", () => {
  it("answers every get, and holds the same count and bytes, after any sequence of gets, sets, drops and clears", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 }), operations, (maxEntries, maxBytes, steps: Operation[]) => {
        const cache = createAggregateCache<number>({ maxEntries, maxBytes, sizeOf: (state) => state });
        const model = referenceCache(maxEntries, maxBytes);
        for (const step of steps) {
          if (step.kind === "get") expect(cache.get(step.stream)?.state).toBe(model.get(step.stream));
          else if (step.kind === "set") {
            cache.set(step.stream, { state: step.state, version: 1 });
            model.set(step.stream, step.state);
          } else if (step.kind === "drop") {
            cache.drop(step.stream);
            model.drop(step.stream);
          } else {
            cache.clear();
            model.clear();
          }
          expect({ size: cache.size, bytes: cache.bytes }).toEqual(model.view());
        }
      }),
      { numRuns: 500 },
    );
  });
});
