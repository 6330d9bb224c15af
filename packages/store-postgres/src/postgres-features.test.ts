import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildChainedLog, changes, metaAt } from "@handover/testing";
import { toArray, verifyChain } from "@handover/core";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { afterAll, expect, it } from "vitest";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import { postgresFixture } from "./test-support/fixture.js";
import { describePostgres } from "./test-support/postgres.js";

const fixture = postgresFixture("feat");
const folder = mkdtempSync(join(tmpdir(), "handover-pg-features-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const awkward = { text: "tab\there\nnew line\r\\back\\slash \"quoted\" \u0000 nul é 😀", nested: { list: [1.5, -0, null, true] } };

describePostgres("PostgreSQL store features", () => {
  it("keeps the log, checkpoints and snapshots across a reopen of the schema", async () => {
    const schema = fixture.schema();
    const first = await fixture.open({ schema });
    await first.appendToStream("incident-1", changes(3), { expectedVersion: "no_stream", meta: metaAt(1, { commandId: "cmd-1" }) });
    await first.checkpoints.save("cmdb", 3);
    await first.snapshots.save({ streamId: "incident-1", version: 3, revision: 1, state: { status: "open" } });
    await first.snapshots.save({ streamId: "incident-1", version: 2, revision: 1, state: { status: "stale" } });
    await first.close();
    const again = await fixture.open({ schema });
    expect(await again.streamVersion("incident-1")).toBe(3);
    expect(await again.checkpoints.load("cmdb")).toBe(3);
    expect(await again.checkpoints.load("other")).toBe(0);
    expect(await again.snapshots.load("incident-1", 1)).toEqual({ streamId: "incident-1", version: 3, revision: 1, state: { status: "open" } });
    expect(await again.snapshots.load("incident-1", 2)).toBeUndefined();
    const duplicate = await again.appendToStream("incident-1", changes(3), { expectedVersion: "no_stream", meta: metaAt(1, { commandId: "cmd-1" }) });
    expect(isRight(duplicate) && duplicate.right).toMatchObject({ duplicate: true, nextExpectedVersion: 3 });
    await again.close();
  });

  it("stores awkward data exactly (tabs, line breaks, backslashes, NUL, emoji) by append and by COPY import", async () => {
    const source = await fixture.open();
    await source.appendToStream("odd-1", [{ type: "odd.recorded", data: awkward }], { expectedVersion: "any", meta: metaAt(1, { correlationId: "a\\b c" }) });
    const [stored] = await toArray(source.readAll());
    expect(stored?.data).toEqual({ ...awkward, nested: { list: [1.5, 0, null, true] } });
    const target = await fixture.open();
    expect(isRight(await target.importLog(source.readAll()))).toBe(true);
    expect(await toArray(target.readAll())).toEqual(await toArray(source.readAll()));
    expect(verifyChain(await toArray(target.readAll()))).toMatchObject({ ok: true, count: 1 });
    await Promise.all([source.close(), target.close()]);
  });

  it("imports a long log in several COPY chunks after existing events, continuing stream versions", async () => {
    const entries = Array.from({ length: 250 }, (_, index) => ({ streamId: `thing-${index % 7}`, type: "thing.changed", data: { size: 1, index }, meta: metaAt(index) }));
    const log = buildChainedLog(entries);
    const store = await fixture.open({ importChunkSize: 40 });
    expect(isRight(await store.importLog(log.slice(0, 100)))).toBe(true);
    const rest = await store.importLog(log.slice(100));
    expect(isRight(rest) && rest.right).toEqual({ count: 150, head: { position: 250, hash: log[249]?.hash } });
    expect(await store.streamVersion("thing-3")).toBe(36);
    const next = await store.appendToStream("thing-3", changes(1), { expectedVersion: 36, meta: metaAt(300) });
    expect(isRight(next)).toBe(true);
    expect(verifyChain(await toArray(store.readAll()), { expectedHead: await store.head() })).toMatchObject({ ok: true, count: 251 });
    await store.close();
  });

  it("refuses an import whose stream versions do not continue the log's, writing none of its chunks", async () => {
    const store = await fixture.open({ importChunkSize: 10 });
    await store.appendToStream("thing-1", changes(2), { expectedVersion: "any", meta: metaAt(1) });
    const own = await toArray(store.readAll());
    const foreign = buildChainedLog(Array.from({ length: 40 }, (_, index) => ({ streamId: `thing-${index % 2}`, type: "thing.changed", data: { size: 1 }, meta: metaAt(index) })));
    const imported = await store.importLog([...own, ...foreign].slice(2));
    expect(isLeft(imported) && imported.left.code).toBe("chain_rejected");
    expect(await toArray(store.readAll())).toEqual(own);
    await store.close();
  });

  it("exports to JSONL and imports it into another schema: same events, same head", async () => {
    const source = await fixture.open();
    for (let index = 0; index < 12; index++) await source.appendToStream(`thing-${index % 3}`, changes(2), { expectedVersion: "any", meta: metaAt(index) });
    const path = join(folder, "log.jsonl");
    expect(await source.exportJsonl(path)).toEqual({ count: 24 });
    const target = await fixture.open();
    const imported = await target.importJsonl(path);
    expect(isRight(imported) && imported.right).toEqual({ count: 24, head: await source.head() });
    await Promise.all([source.close(), target.close()]);
  });

  it("streams the log through a cursor in batches, and a reader that stops early frees its connection", async () => {
    const store = await fixture.open({ readBatchSize: 4 });
    await store.appendToStream("thing-1", changes(30), { expectedVersion: "any", meta: metaAt(1) });
    const slice = await toArray(store.readAll({ fromPosition: 3, toPosition: 17 }));
    expect(slice.map((event) => event.position)).toEqual(Array.from({ length: 15 }, (_, index) => index + 3));
    for (let round = 0; round < 20; round++) {
      for await (const event of store.readAll()) if (event.position === 5) break;
    }
    expect(fixture.pool.totalCount - fixture.pool.idleCount).toBe(0);
    expect((await toArray(store.readStream("thing-1", { fromVersion: 10, toVersion: 21 }))).map((event) => event.version)).toHaveLength(12);
    await store.close();
  });

  it("migrates a new schema once when eight stores open it at the same moment", async () => {
    const schema = fixture.schema();
    const stores = await Promise.all(Array.from({ length: 8 }, () => fixture.open({ schema })));
    const { rows } = await fixture.pool.query(`SELECT version FROM "${schema}".schema_version ORDER BY version`);
    expect(rows).toEqual(POSTGRES_MIGRATIONS.map(({ version }) => ({ version })));
    await Promise.all(stores.map((store, index) => store.appendToStream(`thing-${index}`, changes(1), { expectedVersion: "no_stream", meta: metaAt(index) })));
    expect(verifyChain(await toArray(stores[0]?.readAll() ?? []))).toMatchObject({ ok: true, count: 8 });
    await Promise.all(stores.map((store) => store.close()));
  });
});
