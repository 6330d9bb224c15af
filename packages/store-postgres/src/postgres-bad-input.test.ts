import { setTimeout as sleep } from "node:timers/promises";
import { LogError, toArray, verifyChain, type ChainHead } from "@handover/core";
import { changes, conformanceCatalogue, metaAt } from "@handover/testing";
import { isRight } from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
import { PostgresStoreError } from "./errors.js";
import { POSTGRES_SCHEMA_VERSION } from "./migrations.js";
import { openPostgresEventStore, type PostgresEventStore } from "./postgres-store.js";
import { postgresFixture } from "./test-support/fixture.js";
import { describePostgres } from "./test-support/postgres.js";

const fixture = postgresFixture("bad");

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error("it succeeded"),
    (error: unknown) => error,
  );
}

describePostgres("PostgreSQL store given bad input", () => {
  it("refuses a schema migrated by a newer Handover, saying which versions, and changes nothing", async () => {
    const schema = fixture.schema();
    await (await fixture.open({ schema })).close();
    await fixture.pool.query(`INSERT INTO "${schema}".schema_version (version, description) VALUES ($1, 'from the future')`, [POSTGRES_SCHEMA_VERSION + 1]);
    const error = await rejection(fixture.open({ schema }));
    expect(error).toBeInstanceOf(PostgresStoreError);
    expect(error).toMatchObject({ code: "schema_too_new", schema });
    expect((error as Error).message).toContain(`schema version ${POSTGRES_SCHEMA_VERSION + 1}, newer than this @handover/store-postgres knows (${POSTGRES_SCHEMA_VERSION})`);
    const { rows } = await fixture.pool.query(`SELECT max(version) AS version FROM "${schema}".schema_version`);
    expect(rows[0]).toEqual({ version: POSTGRES_SCHEMA_VERSION + 1 });
  });

  it("refuses a schema name that would need quoting", async () => {
    const error = await rejection(fixture.open({ schema: 'handover"; DROP TABLE x; --' }));
    expect(error).toMatchObject({ name: "PostgresStoreError", code: "invalid_schema_name" });
  });

  it("names the position of a stored event that does not parse, or no longer passes its schema", async () => {
    const schema = fixture.schema();
    const store = await fixture.open({ schema });
    await store.appendToStream("thing-1", changes(5), { expectedVersion: "any", meta: metaAt(1) });
    await fixture.pool.query(`UPDATE "${schema}".events SET data = '{"size": 1' WHERE position = 3`);
    const broken = await rejection(toArray(store.readAll()));
    expect(broken).toBeInstanceOf(LogError);
    expect(broken).toMatchObject({ position: 3 });
    expect((broken as Error).message).toContain("stored event at position 3 does not parse: data is not valid JSON");
    await fixture.pool.query(`UPDATE "${schema}".events SET data = '{"size": 9}' WHERE position = 3`);
    const spaced = await rejection(toArray(store.readAll()));
    expect(spaced).toMatchObject({ name: "LogError", code: "non_canonical_stored", position: 3 });
    await fixture.pool.query(`UPDATE "${schema}".events SET data = '{"size":9}' WHERE position = 3`);
    const strict = await fixture.open({ schema, catalogue: conformanceCatalogue });
    const invalid = await rejection(toArray(strict.readStream("thing-1")));
    expect(invalid).toMatchObject({ name: "LogError", position: 3 });
    expect((invalid as Error).message).toMatch(/thing\.changed at position 3: .*size/);
    await Promise.all([store.close(), strict.close()]);
  });

  const cutOffAppend = async (
    appendWhileLocked: (store: PostgresEventStore) => Promise<unknown>,
  ): Promise<{ readonly store: PostgresEventStore; readonly error: unknown; readonly headBefore: ChainHead }> => {
    const schema = fixture.schema();
    const store = await fixture.open({ schema });
    await store.appendToStream("thing-1", changes(2), { expectedVersion: "any", meta: metaAt(1) });
    const headBefore = await store.head();
    const holder = await fixture.pool.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`handover.append:${schema}`]);
    const append = rejection(appendWhileLocked(store));
    let terminated = false;
    for (let attempt = 0; attempt < 100 && !terminated; attempt++) {
      const { rows } = await fixture.pool.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE $1",
        [`%"${schema}".%append%`],
      );
      for (const row of rows) terminated = (await fixture.pool.query("SELECT pg_terminate_backend($1) AS done", [row.pid])).rows[0]?.done === true;
      if (!terminated) await sleep(20);
    }
    expect(terminated).toBe(true);
    const error = await append;
    await holder.query("ROLLBACK");
    holder.release();
    expect(error).toBeInstanceOf(PostgresStoreError);
    expect(error).toMatchObject({ code: "connection_lost", schema });
    expect(await store.head()).toEqual(headBefore);
    return { store, error, headBefore };
  };

  it("reports a connection dropped mid-append (one-statement path): all or nothing, and the command id tells which", async () => {
    const { store, error } = await cutOffAppend((store) => store.appendToStream("thing-1", changes(3), { expectedVersion: 2, meta: metaAt(2, { commandId: "cut-off" }) }));
    expect((error as Error).message).toContain("all or nothing: look the batch up by its command id");
    expect(await store.findCommand("cut-off")).toBeUndefined();
    const retried = await store.appendToStream("thing-1", changes(3), { expectedVersion: 2, meta: metaAt(2, { commandId: "cut-off" }) });
    expect(isRight(retried) && retried.right.duplicate).toBe(false);
    expect(verifyChain(await toArray(store.readAll()), { expectedHead: await store.head() })).toMatchObject({ ok: true, count: 5 });
    await store.close();
  });

  it("reports a connection dropped mid-append (locked transaction path): nothing was written, and appends go on", async () => {
    const { store, error } = await cutOffAppend((store) => store.appendToStream("thing-2", changes(3), { expectedVersion: "any", meta: metaAt(2) }));
    expect((error as Error).message).toContain("nothing of it was written");
    expect(await store.streamVersion("thing-2")).toBe(0);
    expect(isRight(await store.appendToStream("thing-2", changes(3), { expectedVersion: "any", meta: metaAt(3) }))).toBe(true);
    expect(verifyChain(await toArray(store.readAll()), { expectedHead: await store.head() })).toMatchObject({ ok: true, count: 5 });
    await store.close();
  });

  it("fails clearly when the server cannot be reached, and refuses work once closed", async () => {
    const unreachable = await rejection(
      openPostgresEventStore({ connectionString: "postgres://postgres@127.0.0.1:1/test", schema: "handover" }).then((store) => store.close()),
    );
    expect(unreachable).toMatchObject({ code: "ECONNREFUSED" });
    const store = await fixture.open();
    await store.close();
    expect(await rejection(store.appendToStream("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1) }))).toMatchObject({ code: "closed" });
  });
});
