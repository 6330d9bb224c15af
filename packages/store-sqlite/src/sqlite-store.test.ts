import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventStoreConformance } from "@handover/testing";
import { afterAll } from "vitest";
import { openSqliteEventStore } from "./sqlite-store.js";

const folder = mkdtempSync(join(tmpdir(), "handover-sqlite-conformance-"));
let files = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

eventStoreConformance("SQLite store", (options) => openSqliteEventStore({ path: join(folder, `store-${++files}.db`), ...options }));
eventStoreConformance("SQLite store reading 2 rows a page", (options) => openSqliteEventStore({ path: join(folder, `store-${++files}.db`), readPageSize: 2, ...options }));
