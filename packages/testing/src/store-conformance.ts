import {
  createEventCatalogue,
  defineEvent,
  steppingClock,
  sequentialIds,
  type Clock,
  type EventCatalogue,
  type EventStore,
  type IdGenerator,
} from "@handover/core";
import { afterEach, describe } from "vitest";
import { z } from "zod";
import { appendConformance } from "./conformance-append.js";
import { clockConformance } from "./conformance-clock.js";
import { concurrencyConformance } from "./conformance-concurrency.js";
import { inputConformance } from "./conformance-input.js";
import { inputPropertyConformance } from "./conformance-input-property.js";
import { readConformance } from "./conformance-read.js";
import { treeConformance } from "./conformance-tree.js";

/** What a conformance test asks of the store under test. */
export interface StoreUnderTestOptions {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly catalogue?: EventCatalogue;
}

/** Makes a fresh, empty store for one test. */
export type MakeStore = (options: StoreUnderTestOptions) => EventStore | Promise<EventStore>;

/** The catalogue the conformance suite appends with when it checks schemas. */
export const conformanceCatalogue: EventCatalogue = createEventCatalogue(
  defineEvent("thing.created", z.object({ name: z.string().min(1), size: z.number().int().min(1).max(3) })),
  defineEvent("thing.changed", z.object({ size: z.number().int().min(1).max(3) })),
);

/** A suite-wide helper: fresh stores that are closed after each test. */
export interface ConformanceContext {
  /** A fresh store whose clock starts at 2026-01-01 and steps one minute per read. */
  store(catalogue?: EventCatalogue): Promise<EventStore>;
  /** A fresh store whose clock is the one given (which may give other ISO forms of a time, or no time at all). */
  storeWithClock(clock: Clock): Promise<EventStore>;
}

/**
 * The behaviour every `EventStore` must have: appends, conflicts, atomic batches, read
 * ranges, `until` and `recordedUntil`, idempotent command ids, racing appends, imports
 * and a chain that verifies. Call it inside a test file with a factory of fresh stores.
 */
export function eventStoreConformance(name: string, makeStore: MakeStore): void {
  describe(`${name} conforms to EventStore`, () => {
    const open: EventStore[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((store) => store.close()));
    });
    const context: ConformanceContext = {
      async store(catalogue) {
        const clock = steppingClock("2026-01-01T00:00:00.000Z", 60_000);
        const store = await makeStore(catalogue === undefined ? { clock, ids: sequentialIds("e") } : { clock, ids: sequentialIds("e"), catalogue });
        open.push(store);
        return store;
      },
      async storeWithClock(clock) {
        const store = await makeStore({ clock, ids: sequentialIds("e") });
        open.push(store);
        return store;
      },
    };
    appendConformance(context);
    readConformance(context);
    concurrencyConformance(context);
    treeConformance(context);
    clockConformance(context);
    inputConformance(context);
    inputPropertyConformance(context);
  });
}
