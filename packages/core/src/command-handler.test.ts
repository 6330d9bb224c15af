import { isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createCommandHandler } from "./command-handler.js";
import type { EventStore } from "./event-store.js";
import { thingCatalogue, thingDecider } from "./fixtures/thing-decider.js";
import { createInMemoryEventStore } from "./in-memory-store.js";

const meta = { actor: "u-1", occurredAt: "2026-03-01T10:00:00Z" };

/** The store, counting the stream reads a command path makes. */
function counting(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const counted: EventStore = {
    ...store,
    readStream: (streamId, range) => {
      reads++;
      return store.readStream(streamId, range);
    },
    readStreamPages: (streamId, range) => {
      reads++;
      return (store.readStreamPages as NonNullable<EventStore["readStreamPages"]>)(streamId, range);
    },
  };
  return { store: counted, reads: () => reads };
}

describe("createCommandHandler: the default command path, with cached aggregates", () => {
  it("decides on the cached state without reading the stream again, with the same results as without the cache", async () => {
    const { store, reads } = counting(createInMemoryEventStore({ catalogue: thingCatalogue }));
    const handler = createCommandHandler(store, thingDecider);
    await handler.handle("thing-1", { type: "create", name: "A" }, meta);
    const readsAfterFirst = reads();
    for (let step = 0; step < 5; step++) await handler.handle("thing-1", { type: "increment", by: 1 }, meta);
    expect(reads()).toBe(readsAfterFirst);
    expect(handler.cache?.stats()).toMatchObject({ misses: 1, hits: 5 });
    const plain = createCommandHandler(createInMemoryEventStore({ catalogue: thingCatalogue }), thingDecider, { cache: false });
    await plain.handle("thing-1", { type: "create", name: "A" }, meta);
    let last;
    for (let step = 0; step < 5; step++) last = await plain.handle("thing-1", { type: "increment", by: 1 }, meta);
    const cachedState = handler.cache?.get("thing-1")?.state;
    expect(last !== undefined && isRight(last) && last.right.state).toEqual(cachedState);
    expect(plain.cache).toBeUndefined();
  });

  it("catches up with events another writer appended, reading only those", async () => {
    const shared = createInMemoryEventStore({ catalogue: thingCatalogue });
    const handler = createCommandHandler(shared, thingDecider);
    await handler.handle("thing-1", { type: "create", name: "A" }, meta);
    await shared.appendToStream("thing-1", [{ type: "thing.incremented", data: { by: 7 } }], { expectedVersion: 1, meta });
    const result = await handler.handle("thing-1", { type: "increment", by: 1 }, meta);
    expect(isRight(result) && result.right.state.count).toBe(8);
    expect(isRight(result) && result.right.version).toBe(3);
    expect(handler.cache?.stats()).toMatchObject({ caughtUp: 1 });
  });

  it("drops the cached state on a version conflict and decides again on the stream as it is", async () => {
    const shared = createInMemoryEventStore({ catalogue: thingCatalogue });
    let sneak = true;
    // Another writer appends between the version check and the append, once.
    const racing: EventStore = {
      ...shared,
      appendToStream: async (streamId, events, options) => {
        if (sneak) {
          sneak = false;
          await shared.appendToStream(streamId, [{ type: "thing.incremented", data: { by: 100 } }], { expectedVersion: "any", meta });
        }
        return shared.appendToStream(streamId, events, options);
      },
    };
    await shared.appendToStream("thing-1", [{ type: "thing.created", data: { name: "A" } }], { expectedVersion: "no_stream", meta });
    const handler = createCommandHandler(racing, thingDecider);
    const result = await handler.handle("thing-1", { type: "increment", by: 1 }, meta);
    expect(isRight(result) && result.right.state.count).toBe(101);
    expect(handler.cache?.stats()).toMatchObject({ dropped: 1, misses: 2 });
    expect(handler.cache?.get("thing-1")).toMatchObject({ version: 3, state: { count: 101 } });
  });

  it("keeps the cache bounded: the least recently used stream is replayed again when it comes back", async () => {
    const handler = createCommandHandler(createInMemoryEventStore({ catalogue: thingCatalogue }), thingDecider, { cache: { maxEntries: 2 } });
    for (const streamId of ["thing-1", "thing-2", "thing-3"]) await handler.handle(streamId, { type: "create", name: streamId }, meta);
    expect(handler.cache?.size).toBe(2);
    const again = await handler.handle("thing-1", { type: "increment", by: 2 }, meta);
    expect(isRight(again) && again.right.state).toMatchObject({ name: "thing-1", count: 2 });
    expect(handler.cache?.stats()).toMatchObject({ misses: 4, evictions: 2 });
  });
});
