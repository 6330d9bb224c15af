import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const script = join(dirname(fileURLToPath(import.meta.url)), "check-graph.mjs");
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Runs check:graph in a scratch repository with these packages (name → files) and this allowed map. */
function checkGraph(allowed: Record<string, string[]>, packages: Record<string, Record<string, string>>): { code: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), "check-graph-"));
  folders.push(root);
  mkdirSync(join(root, "scripts"));
  writeFileSync(join(root, "scripts", "package-graph.json"), JSON.stringify(allowed));
  for (const [name, files] of Object.entries(packages)) {
    mkdirSync(join(root, "packages", name, "src"), { recursive: true });
    writeFileSync(join(root, "packages", name, "package.json"), JSON.stringify({ name: `@handover/${name}` }));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, "packages", name, "src", file)), { recursive: true });
      writeFileSync(join(root, "packages", name, "src", file), text);
    }
  }
  const run = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8" });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("check:graph", () => {
  const core = { "index.ts": "export const one = 1;\n" };

  it("passes imports the map allows, and test code importing the testing kit", () => {
    const run = checkGraph(
      { core: [], testing: ["core"], itil: ["core"] },
      { core, testing: { "index.ts": 'import { one } from "@handover/core";\n' }, itil: { "index.ts": 'import { one } from "@handover/core";\n', "index.test.ts": 'import "@handover/testing";\n', "test-support/writer.ts": 'import "@handover/testing";\n' } },
    );
    expect(run).toMatchObject({ code: 0, output: expect.stringContaining("check:graph: 3 packages, imports follow scripts/package-graph.json, no cycles") });
  });

  it("fails on an import the map does not allow, naming the file, and on a package missing from the map", () => {
    const run = checkGraph({ core: [], itil: ["core"] }, { core, itil: { "rules.ts": 'import { x } from "@handover/engine";\n' }, engine: { "index.ts": "" } });
    expect(run.code).toBe(1);
    expect(run.output).toContain("packages/itil/src/rules.ts: imports @handover/engine, which itil may not (allowed: core)");
    expect(run.output).toContain("packages/engine: not in scripts/package-graph.json");
  });

  it("fails on an import cycle even where the map allows each edge", () => {
    const run = checkGraph({ a: ["b"], b: ["a"] }, { a: { "index.ts": 'export * from "@handover/b";\n' }, b: { "index.ts": 'import("@handover/a");\n' } });
    expect(run).toMatchObject({ code: 1, output: expect.stringContaining("import cycle: a -> b -> a") });
  });
});
