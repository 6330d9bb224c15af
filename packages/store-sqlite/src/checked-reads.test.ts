import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createEventCatalogue, defineEvent, LogError, toArray, verifyChain } from "@handover/core";
import { changes, conformanceCatalogue, metaAt } from "@handover/testing";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteEventStore } from "./sqlite-store.js";

const folder = mkdtempSync(join(tmpdir(), "handover-sqlite-checked-"));
let files = 0;
const freshPath = (): string => join(folder, `checked-${++files}.db`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The same events with one more type: another fingerprint, so nothing checked under the first counts for it. */
const changed = conformanceCatalogue.definitions.get("thing.changed");
if (changed === undefined) throw new Error("the conformance catalogue defines thing.changed");
const widerCatalogue = createEventCatalogue(conformanceCatalogue, defineEvent("thing.resized", changed.schema));

async function fileWrittenWith(catalogue: typeof conformanceCatalogue | undefined): Promise<string> {
  const path = freshPath();
  const store = openSqliteEventStore({ path, synchronous: "off", ...(catalogue === undefined ? {} : { catalogue }) });
  for (let index = 0; index < 4; index++) await store.appendToStream(`thing-${index % 2}`, changes(1), { expectedVersion: "any", meta: metaAt(index) });
  await store.close();
  return path;
}

function breakRowTwo(path: string): void {
  const db = new Database(path);
  db.exec("UPDATE events SET data = '{\"size\":9}' WHERE position = 2");
  db.close();
}

async function readWith(path: string, catalogue: typeof conformanceCatalogue | undefined) {
  const store = openSqliteEventStore({ path, ...(catalogue === undefined ? {} : { catalogue }) });
  try {
    return await toArray(store.readAll());
  } finally {
    await store.close();
  }
}

describe("rows checked once under a catalogue", () => {
  it("marks what an append with the catalogue checked, so reads with the same catalogue do not check it again", async () => {
    const path = await fileWrittenWith(conformanceCatalogue);
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT through FROM checked_reads").pluck().all()).toEqual([4]);
    db.close();
  });

  it("leaves an edit made outside the store to the chain: a read under the mark hands it out, and verifying the chain names its position", async () => {
    const path = await fileWrittenWith(conformanceCatalogue);
    breakRowTwo(path);
    const events = await readWith(path, conformanceCatalogue);
    expect(events.find((event) => event.position === 2)?.data).toEqual({ size: 9 });
    expect(verifyChain(events)).toMatchObject({ ok: false, position: 2, reason: "hash_mismatch" });
  });

  it("checks every row again under another catalogue, or when the rows were written without one", async () => {
    const underAnother = await fileWrittenWith(conformanceCatalogue);
    breakRowTwo(underAnother);
    await expect(readWith(underAnother, widerCatalogue)).rejects.toMatchObject({ name: "LogError", position: 2 });
    const unchecked = await fileWrittenWith(undefined);
    breakRowTwo(unchecked);
    const failure = await readWith(unchecked, conformanceCatalogue).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LogError);
    expect(failure).toMatchObject({ position: 2 });
  });

  it("marks an import checked with the catalogue, continuing the mark of the appends before it", async () => {
    const source = await fileWrittenWith(conformanceCatalogue);
    const events = await readWith(source, conformanceCatalogue);
    const path = freshPath();
    const store = openSqliteEventStore({ path, catalogue: conformanceCatalogue });
    expect((await store.importLog(events.slice(0, 2)))._tag).toBe("Right");
    expect((await store.importLog(events.slice(2)))._tag).toBe("Right");
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT through FROM checked_reads").pluck().all()).toEqual([4]);
    db.close();
  });

  it("marks what a read of the whole log checked under another catalogue, so the next read with it trusts those rows", async () => {
    const path = await fileWrittenWith(conformanceCatalogue);
    const marks = () => {
      const db = new Database(path, { readonly: true });
      const rows = db.prepare("SELECT through FROM checked_reads ORDER BY through").pluck().all();
      db.close();
      return rows;
    };
    expect(marks()).toEqual([4]);
    // A read with a time filter, or one that starts past the mark, checks its rows and marks nothing.
    const filtered = openSqliteEventStore({ path, catalogue: widerCatalogue });
    expect(await toArray(filtered.readAll({ until: metaAt(3).occurredAt }))).toHaveLength(4);
    expect(await toArray(filtered.readAll({ fromPosition: 3 }))).toHaveLength(2);
    await filtered.close();
    expect(marks()).toEqual([4]);
    // A whole read under the wider catalogue checks every row, in pages of one, and marks them for it.
    const paged = openSqliteEventStore({ path, catalogue: widerCatalogue, readPageSize: 1 });
    expect(await toArray(paged.readAll())).toHaveLength(4);
    await paged.close();
    expect(marks()).toEqual([4, 4]);
    // Trusted now: an edit made outside the store is handed out, as under the first catalogue, and left to the chain.
    breakRowTwo(path);
    const events = await readWith(path, widerCatalogue);
    expect(events.find((event) => event.position === 2)?.data).toEqual({ size: 9 });
    expect(verifyChain(events)).toMatchObject({ ok: false, position: 2, reason: "hash_mismatch" });
  });

  it("marks nothing for a read that stopped at a row it refused: the next read checks it again", async () => {
    const path = await fileWrittenWith(conformanceCatalogue);
    breakRowTwo(path);
    for (let attempt = 0; attempt < 2; attempt++) await expect(readWith(path, widerCatalogue)).rejects.toMatchObject({ name: "LogError", position: 2 });
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT through FROM checked_reads ORDER BY through").pluck().all()).toEqual([4]);
    db.close();
  });
});
