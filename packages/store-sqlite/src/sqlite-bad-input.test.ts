import { mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { LogError, toArray } from "@handover/core";
import { changes, conformanceCatalogue, metaAt } from "@handover/testing";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStoreError } from "./errors.js";
import { SQLITE_SCHEMA_VERSION } from "./migrations.js";
import { openSqliteEventStore } from "./sqlite-store.js";

const folder = mkdtempSync(join(tmpdir(), "handover-sqlite-bad-"));
let files = 0;
const freshPath = (): string => join(folder, `bad-${++files}.db`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function seededFile(events = 5): Promise<string> {
  const path = freshPath();
  const store = openSqliteEventStore({ path, synchronous: "off" });
  for (let index = 0; index < events; index++) {
    await store.appendToStream(`thing-${index % 3}`, changes(1), { expectedVersion: "any", meta: metaAt(index) });
  }
  await store.close();
  return path;
}

function withRaw(path: string, work: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    work(db);
  } finally {
    db.close();
  }
}

function openError(open: () => unknown): SqliteStoreError {
  try {
    open();
  } catch (error) {
    if (error instanceof SqliteStoreError) return error;
    throw error;
  }
  throw new Error("the store opened");
}

describe("SQLite store given a bad file", () => {
  it("refuses a file that is not a database, naming the file", () => {
    const path = freshPath();
    writeFileSync(path, "this is a JSONL log, not a database\n".repeat(200));
    const error = openError(() => openSqliteEventStore({ path }));
    expect(error.code).toBe("corrupt_file");
    expect(error.message).toContain(path);
    expect(error.message).toContain("not a SQLite database");
  });

  it("refuses a store whose pages were overwritten, when asked to check integrity", async () => {
    const path = await seededFile(2000);
    const size = statSync(path).size;
    const handle = openSync(path, "r+");
    writeSync(handle, Buffer.alloc(size - 8192, 0xa5), 0, size - 8192, 4096);
    closeSync(handle);
    expect(openError(() => openSqliteEventStore({ path, checkIntegrity: true })).code).toBe("corrupt_file");
  });

  it("refuses a store written by a newer schema, saying which versions", async () => {
    const path = await seededFile();
    withRaw(path, (db) => db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`));
    const error = openError(() => openSqliteEventStore({ path }));
    expect(error.code).toBe("schema_too_new");
    expect(error.message).toContain(`schema version ${SQLITE_SCHEMA_VERSION + 1}, newer than this @handover/store-sqlite knows (${SQLITE_SCHEMA_VERSION})`);
  });

  it("refuses another application's database and leaves it untouched", () => {
    const path = freshPath();
    withRaw(path, (db) => db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"));
    expect(openError(() => openSqliteEventStore({ path })).code).toBe("not_a_handover_store");
    withRaw(path, (db) => expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(["invoices"]));
  });

  it("refuses a log whose last events were deleted behind its back", async () => {
    const path = await seededFile();
    withRaw(path, (db) => db.exec("DELETE FROM events WHERE position = 5"));
    const error = openError(() => openSqliteEventStore({ path }));
    expect(error.code).toBe("head_mismatch");
    expect(error.message).toContain("chain head is at position 5 but the last stored event is at position 4");
  });

  it("names the position of a stored event that is not valid JSON", async () => {
    const path = await seededFile();
    withRaw(path, (db) => db.exec("UPDATE events SET data = '{\"size\": 1' WHERE position = 3"));
    const store = openSqliteEventStore({ path });
    const failure = await toArray(store.readAll()).catch((error: unknown) => error);
    await store.close();
    expect(failure).toBeInstanceOf(LogError);
    expect(failure).toMatchObject({ position: 3 });
    expect((failure as LogError).message).toContain("position 3");
  });

  it("refuses stored text that is not canonical JSON (a duplicate key, spacing), naming the position", async () => {
    const path = await seededFile();
    withRaw(path, (db) => db.exec(`UPDATE events SET meta = replace(meta, '{"actor":', '{"actor":"mallory","actor":') WHERE position = 2`));
    const store = openSqliteEventStore({ path });
    const failure = await toArray(store.readAll()).catch((error: unknown) => error);
    await store.close();
    expect(failure).toMatchObject({ name: "LogError", code: "non_canonical_stored", position: 2 });
    expect((failure as LogError).message).toContain('the key "actor" appears twice');
    withRaw(path, (db) => db.exec(`UPDATE events SET meta = replace(meta, '"mallory","actor":', '') WHERE position = 2`));
    withRaw(path, (db) => db.exec(`UPDATE events SET data = replace(data, ':', ': ') WHERE position = 3`));
    const reopened = openSqliteEventStore({ path });
    const spaced = await toArray(reopened.readAll()).catch((error: unknown) => error);
    await reopened.close();
    expect(spaced).toMatchObject({ code: "non_canonical_stored", position: 3 });
  });

  it("names the position of a stored event that no longer passes its schema", async () => {
    const path = await seededFile();
    withRaw(path, (db) => db.exec("UPDATE events SET data = '{\"size\":9}' WHERE position = 4"));
    const store = openSqliteEventStore({ path, catalogue: conformanceCatalogue });
    const failure = await toArray(store.readStream("thing-0")).catch((error: unknown) => error);
    await store.close();
    expect(failure).toMatchObject({ name: "LogError", position: 4 });
    expect((failure as LogError).message).toMatch(/thing\.changed at position 4: .*size/);
  });

  it("waits for another process's write lock, then fails clearly and writes nothing", async () => {
    const path = await seededFile();
    const store = openSqliteEventStore({ path, busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec("BEGIN IMMEDIATE");
    const blocked = store.appendToStream("thing-9", changes(2), { expectedVersion: "any", meta: metaAt(1) });
    await expect(blocked).rejects.toMatchObject({ name: "SqliteStoreError", code: "busy" });
    other.exec("ROLLBACK");
    other.close();
    expect(await store.streamVersion("thing-9")).toBe(0);
    const after = await store.appendToStream("thing-9", changes(2), { expectedVersion: "no_stream", meta: metaAt(2) });
    expect(after._tag).toBe("Right");
    await store.close();
  });

  it("refuses to work after it was closed", async () => {
    const store = openSqliteEventStore({ path: freshPath() });
    await store.close();
    await expect(store.appendToStream("thing-1", changes(1), { expectedVersion: "any", meta: metaAt(1) })).rejects.toMatchObject({ code: "closed" });
  });
});
