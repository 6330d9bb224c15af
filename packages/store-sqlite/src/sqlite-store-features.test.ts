import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildChainedLog, changes, metaAt } from "@handover/testing";
import { serializeRecordedEvent, toArray, verifyChain, type RecordedEvent } from "@handover/core";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteEventStore } from "./sqlite-store.js";

const folder = mkdtempSync(join(tmpdir(), "handover-sqlite-features-"));
let files = 0;
const freshPath = (extension = "db"): string => join(folder, `store-${++files}.${extension}`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function* throwingAfter(events: readonly RecordedEvent[], count: number): AsyncGenerator<RecordedEvent> {
  for (const event of events.slice(0, count)) yield event;
  throw new Error("the source broke off");
}

describe("SQLite store on disk", () => {
  it("keeps the log, stream versions, checkpoints and snapshots across a reopen, and the chain goes on", async () => {
    const path = freshPath();
    const first = openSqliteEventStore({ path });
    await first.appendToStream("incident-1", changes(3), { expectedVersion: "no_stream", meta: metaAt(1, { commandId: "cmd-1" }) });
    await first.checkpoints.save("cmdb", 3);
    await first.snapshots.save({ streamId: "incident-1", version: 3, revision: 2, state: { status: "open", tags: ["a"] } });
    const headBefore = await first.head();
    await first.close();

    const again = openSqliteEventStore({ path });
    expect(await again.head()).toEqual(headBefore);
    expect(await again.streamVersion("incident-1")).toBe(3);
    expect(await again.checkpoints.load("cmdb")).toBe(3);
    expect(await again.checkpoints.load("unknown")).toBe(0);
    expect(await again.snapshots.load("incident-1", 2)).toEqual({ streamId: "incident-1", version: 3, revision: 2, state: { status: "open", tags: ["a"] } });
    expect(await again.snapshots.load("incident-1", 1)).toBeUndefined();
    const duplicate = await again.appendToStream("incident-1", changes(3), { expectedVersion: "no_stream", meta: metaAt(1, { commandId: "cmd-1" }) });
    expect(isRight(duplicate) && duplicate.right.duplicate).toBe(true);
    await again.appendToStream("incident-1", changes(1), { expectedVersion: 3, meta: metaAt(2) });
    const verdict = verifyChain(await toArray(again.readAll()), { expectedHead: await again.head() });
    expect(verdict).toMatchObject({ ok: true, count: 4 });
    await again.close();
  });

  it("replaces a snapshot only by a newer version or another revision", async () => {
    const store = openSqliteEventStore({ path: freshPath() });
    await store.snapshots.save({ streamId: "ci-1", version: 10, revision: 1, state: { v: 10 } });
    await store.snapshots.save({ streamId: "ci-1", version: 5, revision: 1, state: { v: 5 } });
    expect((await store.snapshots.load<{ v: number }>("ci-1", 1))?.state.v).toBe(10);
    await store.snapshots.save({ streamId: "ci-1", version: 2, revision: 2, state: { v: 2 } });
    expect(await store.snapshots.load("ci-1", 1)).toBeUndefined();
    expect((await store.snapshots.load<{ v: number }>("ci-1", 2))?.state.v).toBe(2);
    await store.close();
  });

  it("keeps one linear chain and one set of command ids when two connections write the same file", async () => {
    const path = freshPath();
    const left = openSqliteEventStore({ path });
    const right = openSqliteEventStore({ path });
    for (let round = 0; round < 10; round++) {
      await left.appendToStream(`thing-${round % 3}`, changes(2), { expectedVersion: "any", meta: metaAt(round) });
      await right.appendToStream(`thing-${round % 2}`, changes(1), { expectedVersion: "any", meta: metaAt(round) });
    }
    await left.appendToStream("thing-9", changes(1), { expectedVersion: "any", meta: metaAt(1, { commandId: "once" }) });
    const again = await right.appendToStream("thing-9", changes(1), { expectedVersion: "any", meta: metaAt(1, { commandId: "once" }) });
    expect(isRight(again) && again.right.duplicate).toBe(true);
    const verdict = verifyChain(await toArray(right.readAll()), { expectedHead: await left.head() });
    expect(verdict).toMatchObject({ ok: true, count: 31 });
    await Promise.all([left.close(), right.close()]);
  });

  it("streams the log a page at a time and stays writable while a reader is part-way through", async () => {
    const store = openSqliteEventStore({ path: freshPath(), readPageSize: 3 });
    await store.appendToStream("thing-1", changes(10), { expectedVersion: "any", meta: metaAt(1) });
    const seen: number[] = [];
    for await (const event of store.readAll({ fromPosition: 2, toPosition: 12 })) {
      seen.push(event.position);
      if (event.position === 4) await store.appendToStream("thing-2", changes(2), { expectedVersion: "any", meta: metaAt(2) });
    }
    expect(seen).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await toArray(store.readStream("thing-1", { fromVersion: 4, toVersion: 8 }))).map((event) => event.version)).toEqual([4, 5, 6, 7, 8]);
    await store.close();
  });

  it("exports to JSONL and imports it into another file: same events, same head", async () => {
    const source = openSqliteEventStore({ path: freshPath() });
    for (let index = 0; index < 20; index++) await source.appendToStream(`thing-${index % 4}`, changes(2), { expectedVersion: "any", meta: metaAt(index) });
    const jsonl = freshPath("jsonl");
    expect(await source.exportJsonl(jsonl)).toEqual({ count: 40 });
    const target = openSqliteEventStore({ path: freshPath() });
    const imported = await target.importJsonl(jsonl);
    expect(isRight(imported) && imported.right).toEqual({ count: 40, head: await source.head() });
    expect(await toArray(target.readAll())).toEqual(await toArray(source.readAll()));
    expect(await target.streamVersion("thing-3")).toBe(10);
    await Promise.all([source.close(), target.close()]);
  });

  it("imports nothing of a JSONL log with an edited line, naming the position", async () => {
    const log = buildChainedLog(Array.from({ length: 30 }, (_, index) => ({ streamId: `thing-${index % 3}`, type: "thing.changed", data: { size: 1 }, meta: metaAt(index) })));
    const jsonl = freshPath("jsonl");
    writeFileSync(jsonl, log.map((event) => `${serializeRecordedEvent(event)}\n`).join(""));
    const edited = readFileSync(jsonl, "utf8").split("\n").map((line, index) => (index === 17 ? line.replace('"size":1', '"size":2') : line)).join("\n");
    writeFileSync(jsonl, edited);
    const store = openSqliteEventStore({ path: freshPath() });
    const imported = await store.importJsonl(jsonl);
    expect(isLeft(imported) && imported.left).toMatchObject({ code: "chain_rejected", position: 18 });
    expect(await store.head()).toEqual({ position: 0, hash: "0".repeat(64) });
    await store.close();
  });

  it("rolls an import back when its source breaks off, and stays usable", async () => {
    const log = buildChainedLog(Array.from({ length: 10 }, (_, index) => ({ streamId: "thing-1", type: "thing.changed", data: { size: 1 }, meta: metaAt(index) })));
    const store = openSqliteEventStore({ path: freshPath() });
    await expect(store.importLog(throwingAfter(log, 6))).rejects.toThrow("the source broke off");
    expect((await store.head()).position).toBe(0);
    expect(isRight(await store.importLog(log))).toBe(true);
    expect(isRight(await store.appendToStream("thing-1", changes(1), { expectedVersion: 10, meta: metaAt(11) }))).toBe(true);
    expect(verifyChain(await toArray(store.readAll()))).toMatchObject({ ok: true, count: 11 });
    await store.close();
  });

  it("refuses an imported event that could not be read back (no actor), writing nothing", async () => {
    const log = buildChainedLog([{ streamId: "thing-1", type: "thing.changed", data: { size: 1 }, meta: { actor: "", occurredAt: "2026-01-01T00:00:00.000Z" } }]);
    const store = openSqliteEventStore({ path: freshPath() });
    const imported = await store.importLog(log);
    expect(isLeft(imported) && imported.left).toMatchObject({ code: "chain_rejected", position: 1 });
    expect(isLeft(imported) && imported.left.message).toContain("meta.actor");
    expect((await store.head()).position).toBe(0);
    await store.close();
  });
});
