import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readJsonl, toArray } from "@handover/core";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliEnvironment } from "./cli.js";

const scratch = mkdtempSync(join(tmpdir(), "crm-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function capture(): CliEnvironment & { readonly lines: string[]; readonly errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { cwd: scratch, lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe("crm-replacement CLI", () => {
  it("writes the history as JSONL to a path relative to where it was started, verifies it and prints the summary", async () => {
    const env = capture();
    expect(await runCli(["--", "logs/crm.jsonl"], env)).toBe(0);
    const events = await toArray(readJsonl(join(scratch, "logs", "crm.jsonl")));
    expect(events.length).toBeGreaterThan(1000);
    expect(env.lines[0]).toContain("Orbit CRM (orbit-crm): 2025-09-01 to 2026-03-31");
    expect(env.lines.at(-1)).toBe(`chain verified: ${events.length} events, head ${events.at(-1)?.hash}`);
    expect(env.errors).toEqual([]);
  }, 60_000);

  it("refuses bad usage with exit 2 and says why", async () => {
    const unknown = capture();
    expect(await runCli(["--bogus"], unknown)).toBe(2);
    expect(unknown.errors[0]).toContain("unknown option --bogus");
    const missing = capture();
    expect(await runCli(["--sqlite"], missing)).toBe(2);
    expect(missing.errors[0]).toContain("--sqlite needs a file path");
    const two = capture();
    expect(await runCli(["a.jsonl", "b.jsonl"], two)).toBe(2);
  });

  it("refuses to write the story into an existing SQLite file", async () => {
    writeFileSync(join(scratch, "taken.sqlite"), "");
    const env = capture();
    expect(await runCli(["out.jsonl", "--sqlite", "taken.sqlite"], env)).toBe(2);
    expect(env.errors[0]).toContain("taken.sqlite exists");
  });

  it("prints its usage with an example on --help", async () => {
    const env = capture();
    expect(await runCli(["--help"], env)).toBe(0);
    expect(env.lines.join("\n")).toContain("example: pnpm --filter @handover-examples/crm-replacement start");
  });
});
