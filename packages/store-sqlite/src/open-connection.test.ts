import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteConnections } from "./open-connection.js";
import { resolveSqliteOptions } from "./options.js";

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function freshPath(): string {
  const folder = mkdtempSync(join(tmpdir(), "handover-open-"));
  folders.push(folder);
  return join(folder, "log.db");
}

function readCacheOf(readCacheKib?: number): number {
  const { writer, reader } = openSqliteConnections(resolveSqliteOptions(readCacheKib === undefined ? { path: freshPath() } : { path: freshPath(), readCacheKib }));
  try {
    return reader.pragma("cache_size", { simple: true }) as number;
  } finally {
    reader.close();
    writer.close();
  }
}

describe("the read connection's page cache", () => {
  it("is 2 MiB unless told otherwise, not SQLite's 16 MiB", () => {
    expect(readCacheOf()).toBe(-2048);
  });

  it("is the size asked for, in KiB", () => {
    expect(readCacheOf(512)).toBe(-512);
  });

  it("refuses a size that is not a positive whole number of KiB", () => {
    expect(() => resolveSqliteOptions({ path: "unused.db", readCacheKib: 0 })).toThrow(/readCacheKib: expected a positive integer, got 0/);
    expect(() => resolveSqliteOptions({ path: "unused.db", readCacheKib: 1.5 })).toThrow(/readCacheKib/);
  });
});
