import { changes, metaAt } from "@handover/testing";
import type { RecordedEvent } from "@handover/core";
import { expect, it } from "vitest";
import { openPostgresEventStore } from "./postgres-store.js";
import { postgresFixture } from "./test-support/fixture.js";
import { describePostgres, POSTGRES_URL } from "./test-support/postgres.js";

const fixture = postgresFixture("sub", 20);
const NO_POLLING = 60_000;

describePostgres("PostgreSQL subscriptions", () => {
  it("catches up from the checkpoint, then hears new events by NOTIFY, and saves where it stopped", async () => {
    const schema = fixture.schema();
    const store = await fixture.open({ schema });
    await store.appendToStream("thing-1", changes(5), { expectedVersion: "any", meta: metaAt(1) });
    await store.checkpoints.save("audit", 2);
    const seen: number[] = [];
    const subscription = await store.subscribe({ name: "audit", handler: (event) => void seen.push(event.position), pollIntervalMs: NO_POLLING });
    await subscription.waitFor(5);
    const writer = await openPostgresEventStore({ connectionString: POSTGRES_URL, schema, maxConnections: 1 });
    await writer.appendToStream("thing-2", changes(2), { expectedVersion: "any", meta: metaAt(2) });
    await writer.appendToStream("thing-1", changes(1), { expectedVersion: 5, meta: metaAt(3) });
    await subscription.waitFor(8);
    await subscription.close();
    expect(seen).toEqual([3, 4, 5, 6, 7, 8]);
    expect(await store.checkpoints.load("audit")).toBe(8);
    await Promise.all([writer.close(), store.close()]);
  });

  it("misses nothing and sees each position once, in order, while 8 writers append", async () => {
    const schema = fixture.schema();
    const store = await fixture.open({ schema });
    const seen: number[] = [];
    const subscription = await store.subscribe({ name: "all", handler: (event: RecordedEvent) => void seen.push(event.position), pollIntervalMs: NO_POLLING });
    const writers = await Promise.all(Array.from({ length: 8 }, () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema, maxConnections: 1 })));
    await Promise.all(
      writers.map(async (writer, index) => {
        for (let round = 0; round < 25; round++) {
          const result = await writer.appendToStream(`thing-${(index + round) % 5}`, changes(1 + (round % 3)), { expectedVersion: "any", meta: metaAt(round) });
          expect(result._tag).toBe("Right");
        }
      }),
    );
    const head = await store.head();
    await subscription.waitFor(head.position);
    await subscription.close();
    expect(seen).toEqual(Array.from({ length: head.position }, (_, index) => index + 1));
    await Promise.all([...writers.map((writer) => writer.close()), store.close()]);
  });

  it("stops when its handler throws, naming the position, and resumes from the checkpoint later", async () => {
    const store = await fixture.open();
    await store.appendToStream("thing-1", changes(4), { expectedVersion: "any", meta: metaAt(1) });
    const failing = await store.subscribe({
      name: "fragile",
      checkpointEvery: 1,
      handler: (event) => {
        if (event.position === 3) throw new Error("read model is full");
      },
    });
    await expect(failing.done).rejects.toThrow("subscriber fragile: the handler failed at position 3");
    expect(await store.checkpoints.load("fragile")).toBe(2);
    const seen: number[] = [];
    const resumed = await store.subscribe({ name: "fragile", handler: (event) => void seen.push(event.position) });
    await resumed.waitFor(4);
    await resumed.close();
    expect(seen).toEqual([3, 4]);
    await store.close();
  });

  it("listens again after its connection is cut, and catches up on what it missed meanwhile", async () => {
    const schema = fixture.schema();
    const store = await fixture.open({ schema });
    const seen: number[] = [];
    const subscription = await store.subscribe({ name: "resilient", handler: (event) => void seen.push(event.position), pollIntervalMs: NO_POLLING });
    const { rows } = await fixture.pool.query<{ done: boolean }>(
      "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE query = $1",
      [`LISTEN "handover_${schema}"`],
    );
    expect(rows.map((row) => row.done)).toEqual([true]);
    await store.appendToStream("thing-1", changes(3), { expectedVersion: "any", meta: metaAt(1) });
    await subscription.waitFor(3);
    await store.appendToStream("thing-1", changes(1), { expectedVersion: 3, meta: metaAt(2) });
    await subscription.waitFor(4);
    await subscription.close();
    expect(seen).toEqual([1, 2, 3, 4]);
    await store.close();
  });
});
