import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Runs the repository's typedoc configuration on a one-package workspace whose index.ts is `source`. */
function typedocOn(source: string): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), "typedoc-config-"));
  folders.push(root);
  const pkg = join(root, "packages", "sample");
  mkdirSync(join(pkg, "src"), { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "@handover/sample", version: "0.0.0", type: "module", exports: "./src/index.ts" }));
  writeFileSync(join(pkg, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", skipLibCheck: true, types: [] }, include: ["src"] }));
  writeFileSync(join(pkg, "src", "index.ts"), source);
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules", "typedoc", "bin", "typedoc"), "--options", join(ROOT, "typedoc.json"), "--entryPoints", pkg, "--out", join(root, "api"), "--sourceLinkTemplate", "x"], { cwd: root, encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("the API reference's typedoc configuration (pnpm docs:api)", () => {
  it("builds a package whose exports are documented", () => {
    const run = typedocOn('/** A documented greeting. */\nexport function greet(name: string): string {\n  return `hello ${name}`;\n}\n');
    expect(run.status, run.output).toBe(0);
  });

  it("fails on an export without a TSDoc comment", () => {
    const run = typedocOn("export function greet(name: string): string {\n  return `hello ${name}`;\n}\n");
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("greet");
  });

  it("fails when a public signature refers to a type the package does not export", () => {
    const run = typedocOn("interface Hidden {\n  readonly name: string;\n}\n/** Uses a type nobody can import. */\nexport function greet(who: Hidden): string {\n  return who.name;\n}\n");
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("Hidden");
  });
});
