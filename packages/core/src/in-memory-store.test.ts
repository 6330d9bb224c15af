import { eventStoreConformance } from "@handover/testing";
import { isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fixedClock } from "./clock.js";
import { sequentialIds } from "./ids.js";
import { createInMemoryEventStore } from "./in-memory-store.js";

eventStoreConformance("in-memory store", (options) => createInMemoryEventStore(options));

describe("in-memory store", () => {
  it("hands out frozen events, so no reader can change the log", async () => {
    const store = createInMemoryEventStore({ clock: fixedClock("2026-01-01T00:00:00Z"), ids: sequentialIds() });
    const result = await store.appendToStream("thing-1", [{ type: "thing.changed", data: { tags: ["a"] } }], {
      expectedVersion: "any",
      meta: { actor: "u-1", occurredAt: "2026-01-01T00:00:00Z" },
    });
    expect(isRight(result)).toBe(true);
    const [event] = store.events();
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen((event?.data as { tags: string[] }).tags)).toBe(true);
  });

  it("appends to a long stream without copying it: the thousandth append costs what the first did", async () => {
    const store = createInMemoryEventStore({ clock: fixedClock("2026-01-01T00:00:00Z"), ids: sequentialIds() });
    const meta = { actor: "u-1", occurredAt: "2026-01-01T00:00:00Z" };
    const timeAppends = async (count: number): Promise<number> => {
      const started = process.hrtime.bigint();
      for (let index = 0; index < count; index++) {
        await store.appendToStream("thing-1", [{ type: "thing.changed", data: { index } }], { expectedVersion: "any", meta });
      }
      return Number(process.hrtime.bigint() - started);
    };
    await timeAppends(2000);
    const early = await timeAppends(2000);
    await timeAppends(20_000);
    const late = await timeAppends(2000);
    expect(await store.streamVersion("thing-1")).toBe(26_000);
    expect(late / early).toBeLessThan(5);
  });

  it("reads like an async generator: opened on the first next(), single use, stoppable", async () => {
    const store = createInMemoryEventStore({ clock: fixedClock("2026-01-01T00:00:00Z"), ids: sequentialIds() });
    const meta = { actor: "u-1", occurredAt: "2026-01-01T00:00:00Z" };
    const append = (index: number) => store.appendToStream("thing-1", [{ type: "thing.changed", data: { index } }], { expectedVersion: "any", meta });
    await append(1);
    const early = store.readStream("thing-1");
    await append(2);
    const seen: number[] = [];
    for await (const event of early) seen.push(event.version);
    expect(seen).toEqual([1, 2]);
    for await (const event of early) seen.push(event.version);
    expect(seen).toEqual([1, 2]);
    const all = store.readAll()[Symbol.asyncIterator]();
    expect((await all.next()).value?.position).toBe(1);
    await all.return?.();
    expect((await all.next()).done).toBe(true);
    const refused = store.readAll({ until: "not a time" })[Symbol.asyncIterator]();
    await expect(refused.next()).rejects.toThrow(RangeError);
    expect(await refused.next()).toEqual({ done: true, value: undefined });
  });

  it("remembers every command id, whether its events came one per batch or carried their own", async () => {
    const store = createInMemoryEventStore({ clock: fixedClock("2026-01-01T00:00:00Z"), ids: sequentialIds() });
    const meta = (commandId: string) => ({ actor: "u-1", occurredAt: "2026-01-01T00:00:00Z", commandId });
    await store.appendToStream("thing-1", [{ type: "thing.changed", data: {} }], { expectedVersion: "any", meta: meta("c-1") });
    await store.appendToStream("thing-2", [{ type: "thing.changed", data: {}, meta: meta("c-2") }, { type: "thing.changed", data: {}, meta: meta("c-3") }], { expectedVersion: "any" });
    await store.appendToStream("thing-3", [{ type: "thing.changed", data: {}, meta: meta("c-2") }], { expectedVersion: "any" });
    expect((await store.findCommand("c-1"))?.events.map((event) => event.position)).toEqual([1]);
    expect(await store.findCommand("c-2")).toMatchObject({ streamId: "thing-2" });
    expect((await store.findCommand("c-2"))?.events.map((event) => event.position)).toEqual([2]);
    expect((await store.findCommand("c-3"))?.events.map((event) => event.position)).toEqual([3]);
  });
});
