import { isLeft, isRight, left } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { steppingClock } from "./clock.js";
import type { EventStore } from "./event-store.js";
import { thingCatalogue, thingDecider } from "./fixtures/thing-decider.js";
import { handleCommand } from "./handle-command.js";
import { sequentialIds } from "./ids.js";
import { createInMemoryEventStore } from "./in-memory-store.js";
import { createInMemorySnapshotStore } from "./snapshots.js";
import { toArray } from "./iterables.js";

const meta = (commandId?: string) => ({ actor: "u-1", occurredAt: "2026-03-01T10:00:00Z", ...(commandId === undefined ? {} : { commandId }) });
const newStore = () => createInMemoryEventStore({ catalogue: thingCatalogue, clock: steppingClock("2026-03-01T10:00:00Z"), ids: sequentialIds() });

describe("handleCommand", () => {
  it("loads, decides, appends and returns the new state", async () => {
    const store = newStore();
    await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, meta());
    const result = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 3 }, meta());
    expect(isRight(result) && result.right.state).toMatchObject({ status: "open", count: 3 });
    expect(isRight(result) && result.right.version).toBe(2);
    expect(isRight(result) && result.right.events.map((event) => event.type)).toEqual(["thing.incremented"]);
  });

  it.each([
    ["null", null, "meta"],
    ["a string", "u-1", "meta"],
    ["an object as command id", { actor: "u-1", occurredAt: "2026-03-01T10:00:00Z", commandId: {} }, "meta.commandId"],
    ["a NUL actor", { actor: "\u0000", occurredAt: "2026-03-01T10:00:00Z" }, "meta.actor"],
  ])("refuses meta that is %s with a value naming the field, and appends nothing", async (_, given, path) => {
    const store = newStore();
    const result = await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, given as never);
    expect(result).toMatchObject({ _tag: "Left", left: { code: "invalid_meta", details: { path } } });
    expect(store.events()).toHaveLength(0);
  });

  it("returns the decider's refusal and appends nothing", async () => {
    const store = newStore();
    const result = await handleCommand(store, thingDecider, "thing-1", { type: "close", reason: "x" }, meta());
    expect(isLeft(result) && result.left.code).toBe("not_open");
    expect(store.events()).toHaveLength(0);
  });

  it("passes facts, given as a value or looked up for the state", async () => {
    const store = newStore();
    await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, meta());
    const refused = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 5 }, meta(), { facts: { limit: 4 } });
    expect(isLeft(refused) && refused.left.code).toBe("over_limit");
    const accepted = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 5 }, meta(), { facts: async (state) => ({ limit: state.count + 10 }) });
    expect(isRight(accepted)).toBe(true);
  });

  it("is idempotent: a repeated command id returns the first events and appends nothing", async () => {
    const store = newStore();
    await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, meta());
    const first = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 1 }, meta("cmd-7"));
    const again = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 1 }, meta("cmd-7"));
    expect(isRight(again) && again.right.duplicate).toBe(true);
    expect(isRight(again) && isRight(first) && again.right.events).toEqual(isRight(first) && first.right.events);
    expect(store.events()).toHaveLength(2);
  });

  it("returns the first result of a repeated command: its state and version, not what later commands made of the stream", async () => {
    const store = newStore();
    await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, meta());
    const first = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 1 }, meta("cmd-7"));
    await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 5 }, meta("cmd-8"));
    const again = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 1 }, meta("cmd-7"));
    expect(isRight(again) && again.right).toMatchObject({ duplicate: true, version: 2, state: { count: 1 } });
    expect(isRight(again) && isRight(first) && again.right.state).toEqual(isRight(first) && first.right.state);
    expect(store.events()).toHaveLength(3);
  });

  it("decides again on a version conflict, against the state the other writer left", async () => {
    const store = newStore();
    await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, meta());
    const racing = interferingStore(store, 1);
    const result = await handleCommand(racing, thingDecider, "thing-1", { type: "increment", by: 2 }, meta());
    expect(isRight(result) && result.right.state.count).toBe(12);
    expect((await toArray(store.readStream("thing-1"))).map((event) => event.type)).toEqual(["thing.created", "thing.incremented", "thing.incremented"]);
  });

  it("gives up after the configured number of retries", async () => {
    const store = newStore();
    await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, meta());
    const result = await handleCommand(interferingStore(store, 99), thingDecider, "thing-1", { type: "increment", by: 2 }, meta(), { maxRetries: 2 });
    expect(isLeft(result) && result.left).toMatchObject({ code: "concurrency_retries_exhausted" });
    expect(isLeft(result) && result.left.message).toContain("after 3 attempts");
  });

  it("returns a refused append (schema) as a value", async () => {
    const store = newStore();
    await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, meta());
    const result = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 1.5 }, meta());
    expect(isLeft(result) && result.left).toMatchObject({ code: "invalid_event", path: "data.by" });
  });

  it("loads from a snapshot plus the tail and gets the same state as a full replay", async () => {
    const store = newStore();
    const snapshots = { store: createInMemorySnapshotStore(), every: 5 };
    await handleCommand(store, thingDecider, "thing-1", { type: "create", name: "A" }, meta());
    let withSnapshots = thingDecider.initialState;
    for (let index = 0; index < 23; index++) {
      const result = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 1 }, meta(), { snapshots });
      if (isRight(result)) withSnapshots = result.right.state;
    }
    const saved = await snapshots.store.load<{ count: number }>("thing-1", 1);
    expect(saved?.version).toBeGreaterThanOrEqual(5);
    expect(saved?.state.count).toBeLessThan(23);
    const full = await handleCommand(store, thingDecider, "thing-1", { type: "increment", by: 0 }, meta());
    expect(isRight(full) && full.right.state).toEqual(withSnapshots);
    expect(withSnapshots.count).toBe(23);
  });
});

/** A store that lets another writer append `times` times just before each of our appends. */
function interferingStore(store: EventStore, times: number): EventStore {
  let remaining = times;
  return {
    ...store,
    appendToStream: async (streamId, events, options) => {
      if (remaining-- > 0) {
        const other = await store.appendToStream(streamId, [{ type: "thing.incremented", data: { by: 10 } }], { expectedVersion: "any", meta: meta() });
        if (isLeft(other)) return left(other.left);
      }
      return store.appendToStream(streamId, events, options);
    },
  };
}
