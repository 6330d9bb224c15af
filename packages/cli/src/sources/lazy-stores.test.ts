import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeJsonl } from "@handover/core";
import { openSqliteEventStore } from "@handover/store-sqlite";
import { describe, expect, it } from "vitest";
import { scratch } from "../fixtures/cli-harness.js";
import { projectStory } from "../fixtures/project-story.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** Runs the binary from source and returns the modules it resolved. */
function modulesLoadedBy(trace: string, ...argv: string[]): string[] {
  const run = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", "--import", "./scripts/trace-loads.mjs", "packages/cli/src/bin.ts", ...argv], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, HANDOVER_TRACE_LOADS: trace },
  });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(trace, "utf8").trim().split("\n");
}

const stores = /store-sqlite|better-sqlite3|store-postgres|\/pg\//;

describe("the binary loads a store only when a source needs it", () => {
  it("reads a JSONL log without loading the SQLite or PostgreSQL store or their drivers", async () => {
    const path = await scratch();
    await writeJsonl(path("story.jsonl"), await projectStory());
    const loaded = modulesLoadedBy(path("trace.txt"), "verify", path("story.jsonl"));
    expect(loaded.some((url) => url.includes("packages/core/"))).toBe(true);
    expect(loaded.filter((url) => stores.test(url))).toEqual([]);
  });

  it("loads the SQLite store, and not PostgreSQL's, for a sqlite: source", async () => {
    const path = await scratch();
    const store = openSqliteEventStore({ path: path("story.db") });
    expect((await store.importLog((async function* () { yield* await projectStory(); })()))._tag).toBe("Right");
    await store.close();
    const loaded = modulesLoadedBy(path("trace.txt"), "verify", `sqlite:${path("story.db")}`);
    expect(loaded.some((url) => url.includes("store-sqlite"))).toBe(true);
    expect(loaded.filter((url) => /store-postgres|\/pg\//.test(url))).toEqual([]);
  });
});
