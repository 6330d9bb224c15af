import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shareOneRead } from "./share-read.js";

/** What a generated reader does: read everything, stop after `k` items, fail at item `k`, or never read. */
type Plan = { readonly kind: "all" } | { readonly kind: "prefix"; readonly k: number } | { readonly kind: "fail"; readonly k: number } | { readonly kind: "none" };

const planArb: fc.Arbitrary<Plan> = fc.oneof(
  fc.constant({ kind: "all" as const }),
  fc.nat(60).map((k) => ({ kind: "prefix" as const, k })),
  fc.nat(60).map((k) => ({ kind: "fail" as const, k })),
  fc.constant({ kind: "none" as const }),
);

/** Runs a plan over any async iterable: the items it took, or throws where it fails. */
async function follow(plan: Plan, events: AsyncIterable<number>): Promise<number[]> {
  const taken: number[] = [];
  if (plan.kind === "none") return taken;
  for await (const event of events) {
    if (plan.kind === "fail" && taken.length === plan.k) throw new Error(`failed at ${plan.k}`);
    taken.push(event);
    if (plan.kind === "prefix" && taken.length === plan.k) break;
  }
  return taken;
}

async function* items(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield i;
}

describe("a shared read answers what separate reads answer", () => {
  it("for any readers, any source length and any batch size", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(80), fc.integer({ min: 1, max: 20 }), fc.array(planArb, { maxLength: 5 }), async (n, batch, plans) => {
        const separate = await Promise.allSettled(plans.map((plan) => follow(plan, items(n))));
        const firstFailure = separate.find((outcome) => outcome.status === "rejected");
        const readers = Object.fromEntries(plans.map((plan, index) => [`r${index}`, (events: AsyncIterable<number>) => follow(plan, events)]));
        let pulled = 0;
        async function* counted(): AsyncGenerator<number> {
          for (let i = 0; i < n; i++) {
            pulled += 1;
            yield i;
          }
        }
        const shared = shareOneRead(counted(), readers, batch);
        if (firstFailure !== undefined) {
          // Some reader fails on its own: the shared read fails too (with one of the failures).
          await expect(shared).rejects.toThrow(/failed at \d+/);
          return;
        }
        const answers = await shared;
        plans.forEach((_plan, index) => {
          const alone = separate[index];
          expect(alone?.status).toBe("fulfilled");
          if (alone?.status === "fulfilled") expect(answers[`r${index}`]).toEqual(alone.value);
        });
        // The source is read once: never more items than it holds.
        expect(pulled).toBeLessThanOrEqual(n);
      }),
      { numRuns: 300 },
    );
  });
});
