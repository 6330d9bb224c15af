import { createCommandHandler, toArray, type EventStore } from "@handover/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ledgerDecider, type LedgerCommand } from "./ledger-decider.js";

/** Two connections to one log, as two processes would hold them; `close` closes both. */
export interface TwoWriters {
  readonly first: EventStore;
  readonly second: EventStore;
  close(): Promise<void>;
}

/** One step of the property: which writer, on which stream, does what (a command through its handler, or a raw append the handlers never saw). */
type Step = { readonly writer: 0 | 1; readonly streamId: string } & ({ readonly command: LedgerCommand } | { readonly rawCredit: number });

const STREAMS = ["ledger-1", "ledger-2", "ledger-3"];

const command: fc.Arbitrary<LedgerCommand> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom("ana", "ben").map((owner) => ({ type: "open", owner }) as const) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 50 }).map((amount) => ({ type: "credit", amount }) as const) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 80 }).map((amount) => ({ type: "debit", amount }) as const) },
  { weight: 1, arbitrary: fc.constant({ type: "close" } as const) },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ writer: fc.constantFrom(0 as const, 1 as const), streamId: fc.constantFrom(...STREAMS), command }) },
  { weight: 1, arbitrary: fc.record({ writer: fc.constant(1 as const), streamId: fc.constantFrom(...STREAMS), rawCredit: fc.integer({ min: 1, max: 20 }) }) },
);

/** A run that uses the cache, makes it catch up with the other writer, and evicts past the first writer's bound of two streams. */
const COVERING_STEPS: readonly Step[] = [
  { writer: 0, streamId: "ledger-1", command: { type: "open", owner: "ana" } },
  { writer: 0, streamId: "ledger-1", command: { type: "credit", amount: 10 } },
  { writer: 1, streamId: "ledger-1", rawCredit: 5 },
  { writer: 0, streamId: "ledger-1", command: { type: "credit", amount: 10 } },
  { writer: 0, streamId: "ledger-2", command: { type: "open", owner: "ben" } },
  { writer: 0, streamId: "ledger-3", command: { type: "open", owner: "ana" } },
  { writer: 0, streamId: "ledger-1", command: { type: "debit", amount: 5 } },
];

const metaOf = (index: number) => ({ actor: "u-writer", occurredAt: new Date(Date.UTC(2026, 2, 1) + index * 60_000).toISOString() });

/** What a run saw: each step's outcome (refusal code, or events, state and version), and the log at the end. */
async function run(writers: TwoWriters, steps: readonly Step[], cached: boolean, tally: { hits: number; caughtUp: number; evictions: number }): Promise<unknown> {
  // The first writer keeps two streams of three, so eviction is exercised too.
  const handlers = [
    createCommandHandler(writers.first, ledgerDecider, { cache: cached ? { maxEntries: 2 } : false }),
    createCommandHandler(writers.second, ledgerDecider, { cache: cached ? {} : false }),
  ] as const;
  const outcomes: unknown[] = [];
  try {
    for (const [index, each] of steps.entries()) {
      if ("rawCredit" in each) {
        const appended = await writers.second.appendToStream(each.streamId, [{ type: "ledger.credited", data: { amount: each.rawCredit } }], { expectedVersion: "any", meta: metaOf(index) });
        outcomes.push(appended._tag === "Left" ? { refused: appended.left.code } : { raw: appended.right.nextExpectedVersion });
        continue;
      }
      const handled = await handlers[each.writer].handle(each.streamId, each.command, metaOf(index));
      outcomes.push(
        handled._tag === "Left"
          ? { refused: handled.left.code }
          : { events: handled.right.events.map((event) => [event.type, event.data, event.version]), state: handled.right.state, version: handled.right.version },
      );
    }
    const log = (await toArray(writers.first.readAll())).map((event) => [event.position, event.streamId, event.version, event.type, event.data]);
    for (const handler of handlers) {
      const stats = handler.cache?.stats();
      if (stats === undefined) continue;
      tally.hits += stats.hits;
      tally.caughtUp += stats.caughtUp;
      tally.evictions += stats.evictions;
    }
    return { outcomes, log };
  } finally {
    await writers.close();
  }
}

/**
 * The aggregate cache's correctness property, for a store two writers share: any sequence
 * of commands, spread over two writers with their own connections (and raw appends by the
 * second, which its handler never sees), gives the same outcomes, states and log with the
 * cache as without it. The cache must have been used, caught up and evicted along the way.
 */
export function cachedCommandsProperty(name: string, openTwoWriters: () => Promise<TwoWriters>, options: { readonly runs?: number; readonly timeoutMs?: number } = {}): void {
  describe(name, () => {
    it(
      "gives the same outcomes, states and log with the aggregate cache as without it, whatever another writer appends in between",
      async () => {
        const tally = { hits: 0, caughtUp: 0, evictions: 0 };
        await fc.assert(
          fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
            const withCache = await run(await openTwoWriters(), steps, true, tally);
            const without = await run(await openTwoWriters(), steps, false, tally);
            expect(withCache).toEqual(without);
          }),
          // One fixed run first, so the coverage checks below never rest on the random runs alone: a hit, a catch-up after the second writer's append, and an eviction.
          { numRuns: options.runs ?? 30, examples: [[COVERING_STEPS]] },
        );
        expect(tally.hits, "the cache answered from a cached state").toBeGreaterThan(0);
        expect(tally.caughtUp, "the cache caught up with another writer's events").toBeGreaterThan(0);
        expect(tally.evictions, "the cache evicted beyond its bound").toBeGreaterThan(0);
      },
      options.timeoutMs ?? 120_000,
    );
  });
}
