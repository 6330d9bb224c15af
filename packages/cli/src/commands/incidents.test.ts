import { readFile, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, SAMPLE, scratch } from "../fixtures/cli-harness.js";

let path: (name: string) => string;
let log: string;
beforeAll(async () => {
  path = await scratch();
  log = path("sample.jsonl");
  const run = await cli("import", "servicenow", SAMPLE, "--out", log);
  if (run.code !== 0) throw new Error(run.stderr);
});

describe("handover incidents", () => {
  it("prints the register as JSON, one entry per incident", async () => {
    const run = await cli("incidents", log, "--json");
    expect(run.code).toBe(0);
    const register = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(register).toHaveLength(200);
    expect(register.find((entry) => entry.number === "INC0000045")).toEqual({
      number: "INC0000045",
      state: "closed",
      impact: 2,
      urgency: 2,
      priority: 3,
      reopenCount: 0,
      reassignmentCount: 0,
      madeSla: true,
      openedAt: "2016-02-29T01:16:00.000Z",
      resolvedAt: "2016-02-29T11:29:00.000Z",
      closedAt: "2016-03-05T12:00:00.000Z",
      problemIds: [],
      changeIds: [],
      ciIds: [],
    });
  });

  it("prints a table a person reads", async () => {
    const run = await cli("incidents", log);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(201);
    expect(lines[0]).toMatch(/^number\s+state\s+I\s+U\s+P\s+reopens\s+reassigns\s+made SLA/);
    expect(run.stdout).toMatch(/INC0000057 +closed .* Problem ID {2}2/);
  });

  it("refuses a missing file, a stray argument and a bad --as-of with exit 2", async () => {
    for (const argv of [["incidents", path("absent.jsonl")], ["incidents"], ["incidents", log, "more"], ["incidents", log, "--as-of", "yesterday"]]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });

  it("refuses a log that does not verify, naming the line", async () => {
    const lines = (await readFile(log, "utf8")).split("\n");
    lines[9] = (lines[9] ?? "").replace('"by":"Updated by ', '"by":"Updated by 1');
    expect(lines[9]).toContain('"by":"Updated by 1');
    const tampered = path("tampered.jsonl");
    await writeFile(tampered, lines.join("\n"));
    const run = await cli("incidents", tampered);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tampered\.jsonl line 10: the log does not verify/);
  });

  it("refuses a line that is not an event", async () => {
    const broken = path("broken.jsonl");
    await writeFile(broken, `${(await readFile(log, "utf8")).split("\n").slice(0, 3).join("\n")}\n{not json\n`);
    const run = await cli("incidents", broken);
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toContain("line 4: not valid JSON");
  });
});
