import { arbitraryCommandSequence } from "@handover/testing";
import fc from "fast-check";
import { produce, type Draft } from "immer";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import type { Evolver } from "./decider.js";
import { evolveWithImmer, fold } from "./fold.js";
import { thingDecider, type ThingEvent, type ThingState } from "./fixtures/thing-decider.js";

const arbitraryEvent: fc.Arbitrary<ThingEvent> = fc.oneof(
  fc.string({ minLength: 1 }).map((name) => ({ type: "thing.created" as const, data: { name } })),
  fc.integer({ min: -5, max: 5 }).map((by) => ({ type: "thing.incremented" as const, data: { by } })),
  fc.array(fc.string(), { maxLength: 3 }).map((tags) => ({ type: "thing.tagged" as const, data: { tags } })),
  fc.string().map((reason) => ({ type: "thing.closed" as const, data: { reason } })),
);
const eventSequences = arbitraryCommandSequence([arbitraryEvent], { minLength: 0, maxLength: 60 });

function oneByOne(events: readonly ThingEvent[]): ThingState {
  return events.reduce((state, event) => produce(state, (draft: Draft<ThingState>) => thingDecider.evolve(draft, event)), thingDecider.initialState);
}

describe("fold", () => {
  it("equals applying the events one by one with immer, for any sequence", () => {
    fc.assert(
      fc.property(eventSequences, (events) => {
        expect(fold(thingDecider, events)).toEqual(oneByOne(events));
      }),
    );
  });

  it("is deterministic: the same events give the same state hash twice", () => {
    fc.assert(
      fc.property(eventSequences, (events) => {
        expect(canonicalJson(fold(thingDecider, events))).toBe(canonicalJson(fold(thingDecider, events)));
      }),
    );
  });

  it("continues from any state: fold(a ++ b) = fold(b, from fold(a))", () => {
    fc.assert(
      fc.property(eventSequences, eventSequences, (first, second) => {
        expect(fold(thingDecider, second, fold(thingDecider, first))).toEqual(fold(thingDecider, [...first, ...second]));
      }),
    );
  });

  it("returns a deeply frozen state and leaves the initial state untouched", () => {
    const state = fold(thingDecider, [{ type: "thing.tagged", data: { tags: ["a"] } }]);
    expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(state.tags)).toBe(true);
    expect(thingDecider.initialState.tags).toEqual([]);
  });

  it("falls back to immer when a recipe mutates an object it took from an event", () => {
    interface Bag { items: string[] | undefined }
    type BagEvent = { type: "bag.set"; data: { items: string[] } } | { type: "bag.added"; data: { item: string } };
    const aliasing: Evolver<Bag, BagEvent> = {
      initialState: { items: undefined },
      evolve(draft, event) {
        if (event.type === "bag.set") draft.items = event.data.items as Draft<string[]>;
        else draft.items?.push(event.data.item);
      },
    };
    const events: BagEvent[] = [{ type: "bag.set", data: { items: ["a"] } }, { type: "bag.added", data: { item: "b" } }];
    expect(fold(aliasing, events).items).toEqual(["a", "b"]);
    const first = events[0];
    expect(first?.type === "bag.set" && first.data.items).toEqual(["a"]);
    expect(evolveWithImmer(aliasing, aliasing.initialState, events).items).toEqual(["a", "b"]);
  });
});
