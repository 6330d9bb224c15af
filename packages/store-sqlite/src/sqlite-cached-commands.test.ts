import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cachedCommandsProperty, ledgerCatalogue } from "@handover/testing";
import { afterAll } from "vitest";
import { openSqliteEventStore } from "./sqlite-store.js";

const folder = mkdtempSync(join(tmpdir(), "handover-sqlite-cache-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

// Two connections to one file, as two processes hold them: the second writer's appends reach the first only through the file.
cachedCommandsProperty("aggregate cache with two writers on one SQLite file", async () => {
  const path = join(folder, `log-${++files}.db`);
  const first = openSqliteEventStore({ path, catalogue: ledgerCatalogue });
  const second = openSqliteEventStore({ path, catalogue: ledgerCatalogue });
  return { first, second, close: async () => void (await Promise.all([first.close(), second.close()])) };
});
