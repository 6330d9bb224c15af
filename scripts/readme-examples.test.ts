import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { normaliseOutput, readmeExample } from "./readme-examples.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const published = readdirSync(join(ROOT, "packages")).filter((folder) => !folder.startsWith("."));
const scratchFolders: string[] = [];
afterAll(() => {
  for (const folder of scratchFolders) rmSync(folder, { recursive: true, force: true });
});

/** A scratch folder inside the package (so the example resolves the package and its dependencies from source). */
function scratchIn(folder: string): string {
  const scratch = join(ROOT, "packages", folder, ".readme-example");
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  scratchFolders.push(scratch);
  return scratch;
}

/** Runs a program example from source and returns what it printed. */
function runProgram(folder: string, code: string): { status: number | null; stdout: string; stderr: string } {
  const file = join(scratchIn(folder), "example.mts");
  writeFileSync(file, code);
  return spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", file], { cwd: join(ROOT, "packages", folder), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

/** Runs a test-file example with vitest, from source, and returns what vitest printed. */
function runTestFile(folder: string, code: string): { status: number | null; stdout: string; stderr: string } {
  const scratch = scratchIn(folder);
  writeFileSync(join(scratch, "example.test.mts"), code);
  writeFileSync(join(scratch, "vitest.config.mts"), 'export default { resolve: { conditions: ["source"] }, ssr: { resolve: { conditions: ["source"] } } };\n');
  return spawnSync(process.execPath, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--root", scratch, "--reporter=default"], { cwd: scratch, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
}

describe("each package's README example runs and prints what the README shows", () => {
  for (const folder of published) {
    const example = readmeExample(folder, ROOT);
    if (example.kind === "shell") continue; // the CLI's commands run against the packed CLI (scripts/check-consumers.mjs) and below
    it(`@handover/${folder}`, () => {
      const run = example.kind === "test" ? runTestFile(folder, example.code) : runProgram(folder, example.code);
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      if (example.output !== undefined) expect(normaliseOutput(run.stdout)).toBe(normaliseOutput(example.output));
    });
  }
});
