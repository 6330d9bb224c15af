import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readModelSnapshotConformance } from "@handover/testing";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteEventStore } from "./sqlite-store.js";

const folder = mkdtempSync(join(tmpdir(), "handover-sqlite-read-models-"));
let files = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

readModelSnapshotConformance("SQLite read-model snapshot store", async () => {
  const store = openSqliteEventStore({ path: join(folder, `store-${++files}.db`) });
  return { store: store.readModelSnapshots, close: () => store.close() };
});

describe("SQLite read-model snapshots", () => {
  it("are still there, record by record, when the file is opened again", async () => {
    const path = join(folder, `store-${++files}.db`);
    const first = openSqliteEventStore({ path });
    const at = "2026-01-01T00:00:00.000Z";
    await first.readModelSnapshots.save({ name: "cmdb@2", position: 7, occurredUntil: at, recordedUntil: at, header: "{}", changed: [{ collection: "ci", key: "ci-1", ordinal: 0, body: '{"name":"db"}' }] });
    await first.close();
    const again = openSqliteEventStore({ path });
    const loaded = await again.readModelSnapshots.load("cmdb@2");
    expect(loaded?.position).toBe(7);
    expect(loaded?.record("ci", "ci-1")).toBe('{"name":"db"}');
    await again.close();
  });
});
