import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const script = join(dirname(fileURLToPath(import.meta.url)), "check-processes.mjs");
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const ONE_LIST = "import { changeWiring } from './change.js';\nexport const PROCESSES = [projectWiring, configurationWiring, changeWiring, releaseWiring, incidentWiring, problemWiring] as const;\n";

/** Runs check:processes in a scratch repository holding the one list and these files (path under the root → text). */
function checkProcesses(files: Record<string, string>): { code: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), "check-processes-"));
  folders.push(root);
  for (const [path, text] of Object.entries({ "packages/projections/src/processes/index.ts": ONE_LIST, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  mkdirSync(join(root, "scripts"), { recursive: true });
  const run = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8" });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("check:processes", () => {
  it("passes the one list, code that reads it, code about one process, and tests that list what they test", () => {
    const run = checkProcesses({
      "packages/engine/src/routing.ts": "import { WIRED } from '@handover/projections';\nexport const prefixes = WIRED.map((wiring) => wiring.descriptor.commandPrefix);\n",
      "packages/projections/src/readiness/open.ts": "const OPEN = new Set(incidentProcess.groups.open);\nif (event.type === 'change.closed') finish();\n",
      "packages/engine/src/routing.test.ts": "const all = [changeProcess, incidentProcess, releaseProcess];\n",
    });
    expect(run).toMatchObject({ code: 0, output: expect.stringContaining("check:processes: every list of processes comes from packages/projections/src/processes/index.ts") });
  });

  it("fails on an array or argument list of two processes' descriptors, catalogues or command schemas, naming the file and line", () => {
    const run = checkProcesses({
      "packages/engine/src/command.ts": "import { z } from 'zod';\n\nexport const HandoverCommand = z.discriminatedUnion('type', [ProjectCommand, ConfigurationCommand]);\n",
      "scripts/docs.ts": "const catalogue = createEventCatalogue(changeCatalogue, incidentCatalogue);\n",
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain("packages/engine/src/command.ts:3: lists the project, configuration processes by their descriptors, catalogues, deciders or commands");
    expect(run.output).toContain("scripts/docs.ts:1: lists the change, incident processes");
    expect(run.output).toContain("read the one list of processes (packages/projections/src/processes/index.ts) instead");
  });

  it("fails on a list of (nearly all) stream prefixes or names, an object keyed by them, a union of their names, and a switch over them; a selection of a few passes", () => {
    const run = checkProcesses({
      "packages/projections/src/audit/entities.ts": 'const STREAM_PREFIXES = ["ci-", "change-", "incident-", "problem-", "release-"] as const;\nconst CASES = ["change", "incident", "ci"];\n',
      "packages/projections/src/summary.ts": "const counts = { configuration: 1, change: 2, release: 3, incident: 4, problem: 5 };\ntype Name = 'change' | 'incident' | 'problem' | 'release';\n",
      "packages/projections/src/apply.ts": 'switch (process) {\n  case "change": break;\n  case "incident": break;\n  case "problem": break;\n}\n',
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain("packages/projections/src/audit/entities.ts:1: lists the configuration, change, incident, problem, release processes by name");
    expect(run.output).not.toContain("entities.ts:2");
    expect(run.output).toContain("packages/projections/src/summary.ts:1: keys an object by the configuration, change, release, incident, problem processes");
    expect(run.output).toContain("packages/projections/src/summary.ts:2: a type union of process names");
    expect(run.output).toContain("packages/projections/src/apply.ts:switches over the change, incident, problem processes");
    expect(run.output).toContain("check:processes: 4 place(s) list the processes by hand");
  });
});
