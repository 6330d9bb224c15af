import fc from "fast-check";
import { freeze, isDraft, produce } from "immer";
import { describe, expect, it } from "vitest";
import type { Evolver } from "./decider.js";
import { deepFreeze, fold } from "./fold.js";
import { isDeeplyFrozen } from "./frozen-pages.js";
import { createInMemoryEventStore } from "./in-memory-store.js";
import { steppingClock } from "./clock.js";
import { sequentialIds } from "./ids.js";
import type { RecordedEvent } from "./envelope.js";

/** Every object reachable through plain objects and arrays, with whether it is frozen. */
function frozenness(value: unknown, path = "$", out: Record<string, boolean> = {}): Record<string, boolean> {
  if (typeof value !== "object" || value === null) return out;
  out[path] = Object.isFrozen(value);
  if (Array.isArray(value)) value.forEach((item, index) => frozenness(item, `${path}[${index}]`, out));
  else if (Object.getPrototypeOf(value) === Object.prototype) for (const key of Object.keys(value)) frozenness((value as Record<string, unknown>)[key], `${path}.${key}`, out);
  return out;
}

class Money {
  constructor(public amount: number) {}
}

describe("deepFreeze (fold's fast immer freeze)", () => {
  it("freezes exactly what immer's freeze(value, true) freezes, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const ours = structuredClone(value);
        const immers = structuredClone(value);
        expect(deepFreeze(ours)).toBe(ours);
        freeze(immers, true);
        expect(frozenness(ours)).toEqual(frozenness(immers));
      }),
    );
  });

  it("stops at frozen objects, like immer", () => {
    const inner = { list: [1] };
    const outer = Object.freeze({ inner });
    deepFreeze(outer);
    expect(Object.isFrozen(inner)).toBe(false);
  });

  it("leaves class instances alone and freezes Maps and Sets the immer way", () => {
    const value = { money: new Money(3), tags: new Set(["a"]), byId: new Map([["k", { n: 1 }]]) };
    deepFreeze(value);
    expect(Object.isFrozen(value.money)).toBe(false);
    expect(() => value.tags.add("b")).toThrow();
    expect(Object.isFrozen(value.byId.get("k"))).toBe(true);
  });

  it("never freezes an immer draft", () => {
    produce({ items: [{ n: 1 }] }, (draft) => {
      deepFreeze(draft);
      deepFreeze(draft.items);
      expect(isDraft(draft)).toBe(true);
      draft.items.push({ n: 2 });
    });
  });

  it("fold leaves every event's data frozen, also when a recipe fails or falls back to immer", () => {
    interface Tally { seen: string[]; kept: { items: string[] } | undefined }
    type TallyEvent = { type: "keep" | "touch" | "fail"; data: { items: string[] } };
    const tally: Evolver<Tally, TallyEvent> = {
      initialState: { seen: [], kept: undefined },
      evolve(draft, event) {
        if (event.type === "fail") throw new RangeError("refused");
        if (event.type === "keep") draft.kept = event.data as Tally["kept"] & object;
        else draft.kept?.items.push("x");
        draft.seen.push(event.type);
      },
    };
    const events = (...types: TallyEvent["type"][]): TallyEvent[] => types.map((type) => ({ type, data: { items: [] } }));
    const fellBack = events("keep", "touch", "keep");
    expect(fold(tally, fellBack)).toEqual({ seen: ["keep", "touch", "keep"], kept: { items: [] } });
    expect(fellBack.every((event) => Object.isFrozen(event.data) && Object.isFrozen(event.data.items))).toBe(true);
    const failing = events("keep", "fail", "keep");
    expect(() => fold(tally, failing)).toThrow(RangeError);
    expect(failing.every((event) => Object.isFrozen(event.data.items))).toBe(true);
  });

  it("a page the in-memory store hands out is frozen and marked, so fold does not freeze its events again; any other list is frozen event by event", async () => {
    const store = createInMemoryEventStore({ clock: steppingClock("2026-03-01T00:00:00.000Z", 1), ids: sequentialIds("evt") });
    const meta = { actor: "alice", occurredAt: "2026-03-01T00:00:00.000Z" };
    await store.appendToStream("s-1", [{ type: "counted", data: { items: [1] } }, { type: "counted", data: { items: [2] } }], { expectedVersion: "no_stream", meta });
    const pages: (readonly RecordedEvent[])[] = [];
    for await (const page of store.readStreamPages?.("s-1") ?? []) pages.push(page);
    const [page] = pages;
    expect(Object.isFrozen(page)).toBe(true);
    expect(isDeeplyFrozen(page ?? [])).toBe(true);
    expect(page?.every((event) => Object.isFrozen(event) && Object.isFrozen(event.data) && Object.isFrozen(event.meta))).toBe(true);
    const counter: Evolver<{ total: number }, { type: string; data: { items: number[] } }> = {
      initialState: { total: 0 },
      evolve: (draft, event) => {
        draft.total += event.data.items[0] ?? 0;
      },
    };
    expect(fold(counter, page as never)).toEqual({ total: 3 });
    const copied = [...(page ?? [])];
    expect(isDeeplyFrozen(copied)).toBe(false);
    const unfrozen = [{ type: "counted", data: { items: [5] } }];
    expect(isDeeplyFrozen(unfrozen)).toBe(false);
    expect(fold(counter, unfrozen)).toEqual({ total: 5 });
    expect(Object.isFrozen(unfrozen[0]?.data.items)).toBe(true);
  });
});
