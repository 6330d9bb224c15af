import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cli, scratch } from "./fixtures/cli-harness.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const handover = (...argv: string[]) =>
  spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", "packages/cli/src/bin.ts", ...argv], { cwd: ROOT, encoding: "utf8" });

describe("the handover binary", () => {
  it("lists its commands on --help", async () => {
    const run = await cli("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("import servicenow");
    expect(run.stdout).toContain("incidents");
  });

  it("refuses no command, an unknown command and an incomplete one with exit 2 and one line", async () => {
    expect(await cli()).toMatchObject({ code: 2, stderr: expect.stringMatching(/^handover: no command given; commands: verify, .*import servicenow, incidents/) });
    expect(await cli("frobnicate")).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(await cli("import")).toMatchObject({ code: 2, stderr: "handover import: say what to import: servicenow\n" });
    expect(await cli("import", "jira")).toMatchObject({ code: 2, stderr: 'handover import: unknown "jira"; known: servicenow\n' });
  });

  it("suggests the command or option a typo meant, and names an unknown option with balanced quotes", async () => {
    expect(await cli("verfy", "x.jsonl")).toMatchObject({ code: 2, stderr: expect.stringMatching(/^handover: unknown command "verfy" \(did you mean verify\?\); commands: /) });
    expect(await cli("import", "servicenw")).toMatchObject({ code: 2, stderr: 'handover import: unknown "servicenw" (did you mean servicenow?); known: servicenow\n' });
    const timelin = await cli("readiness", "x.jsonl", "p", "--timelin");
    expect(timelin).toMatchObject({ code: 2, stderr: expect.stringMatching(/^handover readiness: unknown option --timelin \(did you mean --timeline\?\); usage: handover readiness /) });
    expect((timelin.stderr.match(/'/g) ?? []).length % 2).toBe(0);
    expect(await cli("findings", "x.jsonl", "--kinds=phase_gate")).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --kinds (did you mean --kind?)") });
    expect(await cli("readiness", "x.jsonl", "p", "--zzzz")).toMatchObject({ code: 2, stderr: expect.stringMatching(/^handover readiness: unknown option --zzzz; usage: /) });
  });

  it("runs as a process: help exits 0, a broken CSV exits 2 with one line and writes nothing", async () => {
    expect(handover("incidents", "--help")).toMatchObject({ status: 0, stdout: expect.stringContaining("example:") });
    const path = await scratch();
    const csv = path("broken.csv");
    await writeFile(csv, "number,incident_state\r\nINC1,New,extra\r\n");
    const out = path("out.jsonl");
    const run = handover("import", "servicenow", csv, "--out", out);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("broken.csv line 2");
    expect(existsSync(out)).toBe(false);
  });
});
