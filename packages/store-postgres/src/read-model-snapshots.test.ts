import pg from "pg";
import fc from "fast-check";
import type { ReadModelSnapshotWrite } from "@handover/core";
import { readModelSnapshotConformance } from "@handover/testing";
import { afterAll, expect, it } from "vitest";
import { openPostgresEventStore } from "./postgres-store.js";
import { describePostgres, dropSchemas, freshSchemaName, POSTGRES_URL } from "./test-support/postgres.js";

const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 4 });
pool.on("error", () => undefined);
const schemas: string[] = [];
afterAll(async () => {
  await dropSchemas(pool, schemas).finally(() => pool.end());
});

/** A snapshot at a position whose one collection `c` changes these keys to these bodies. */
function write(position: number, changed: readonly (readonly [string, string])[]): ReadModelSnapshotWrite {
  const time = new Date(Date.UTC(2026, 0, 1) + position * 60_000).toISOString();
  return { name: "model@1", position, occurredUntil: time, recordedUntil: time, header: "{}", changed: changed.map(([key, body]) => ({ collection: "c", key, ordinal: Number(key.slice(1)), body })) };
}

describePostgres("PostgreSQL read-model snapshots", () => {
  readModelSnapshotConformance("PostgreSQL read-model snapshot store", async () => {
    const schema = freshSchemaName("rms");
    schemas.push(schema);
    const store = await openPostgresEventStore({ pool, schema });
    return { store: store.readModelSnapshots, close: () => store.close() };
  });

  it("reads what another process saved since the records it holds: two stores on one schema, saving and loading in turn", async () => {
    // Each store holds the records of the latest snapshot it opened or saved; the other one's saves must show through.
    const step = fc.record({ writer: fc.constantFrom(0, 1), reader: fc.constantFrom(0, 1), changed: fc.uniqueArray(fc.tuple(fc.constantFrom("k0", "k1", "k2", "k3"), fc.json()), { maxLength: 3, selector: ([key]) => key }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const schema = freshSchemaName("rms2");
        schemas.push(schema);
        const stores = [await openPostgresEventStore({ pool, schema }), await openPostgresEventStore({ pool, schema })];
        try {
          const expected = new Map<string, string>();
          for (const [index, { writer, reader, changed }] of steps.entries()) {
            const saved = await stores[writer]?.readModelSnapshots.save(write(index + 1, changed));
            expect(saved?._tag).toBe("Right");
            for (const [key, body] of changed) expected.set(key, body);
            const loaded = await stores[reader]?.readModelSnapshots.load("model@1");
            expect(loaded?.position).toBe(index + 1);
            for (const key of ["k0", "k1", "k2", "k3"]) expect(loaded?.record("c", key)).toBe(expected.get(key));
            expect([...(loaded?.records("c") ?? [])]).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)));
          }
        } finally {
          await Promise.all(stores.map((store) => store.close()));
        }
      }),
      { numRuns: 30 },
    );
  });
});
