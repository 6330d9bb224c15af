import { readFile, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, SAMPLE, scratch } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";

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
    const printed = JSON.parse(run.stdout) as { view: unknown; register: Record<string, unknown>[]; byPriority: { count: number }[] };
    expect(printed.view).toEqual({ asOf: null, knownAt: null });
    expect(printed.byPriority.reduce((sum, row) => sum + row.count, 0)).toBe(200);
    const register = printed.register;
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
    expect(lines[0]).toMatch(/^incident register of .*sample\.jsonl at position \d+: 200 incident\(s\)$/);
    expect(lines[1]).toBe("view: latest (everything the log holds)");
    expect(lines[3]).toMatch(/^number\s+state\s+I\s+U\s+P\s+reopens\s+reassigns\s+made SLA/);
    expect(lines.filter((line) => /^INC\d+ /.test(line))).toHaveLength(200);
    expect(run.stdout).toMatch(/SLA by priority\n\s*P\s+incidents\s+open\s+resolved/);
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

describe("handover incidents as of a time, on the imported sample", () => {
  const ASOF = "2016-03-01T23:59:59.999Z";
  type Entry = { number: string; state: string; openedAt: string | null; resolvedAt: string | null; closedAt: string | null };
  type Row = { priority: number; count: number; open: number; resolved: number; medianResolutionMinutes: number | null; p90ResolutionMinutes: number | null };
  const asOf = async (): Promise<{ register: Entry[]; byPriority: Row[] }> => JSON.parse((await cli("incidents", log, "--as-of", "2016-03-01", "--json")).stdout) as { register: Entry[]; byPriority: Row[] };

  it("shows INC0000045 resolved and not closed as of 1 March, and no incident with a time after the view", async () => {
    const { register } = await asOf();
    expect(register.find((entry) => entry.number === "INC0000045")).toMatchObject({ state: "resolved", resolvedAt: "2016-02-29T11:29:00.000Z", closedAt: null });
    const later = register.filter((entry) => [entry.openedAt, entry.resolvedAt, entry.closedAt].some((time) => time !== null && time > ASOF));
    expect(later.map((entry) => entry.number)).toEqual([]);
    const resolvedButOpen = register.filter((entry) => !["resolved", "closed"].includes(entry.state) && entry.resolvedAt !== null);
    expect(resolvedButOpen.map((entry) => entry.number)).toEqual([]);
  });

  it("counts open and resolved incidents apart, so the SLA summary of a view adds up", async () => {
    const { byPriority } = await asOf();
    const p3 = byPriority.find((row) => row.priority === 3);
    expect(p3?.count).toBeGreaterThan(0);
    for (const row of byPriority) expect(row.open + row.resolved, `P${row.priority}`).toBeLessThanOrEqual(row.count);
  });

  it("computes the median and p90 of a view from the incidents resolved by then", async () => {
    const { register, byPriority } = await asOf();
    const firstOpened = register.map((entry) => entry.openedAt ?? ASOF).sort()[0] ?? ASOF;
    const longest = (Date.parse(ASOF) - Date.parse(firstOpened)) / 60_000;
    for (const row of byPriority) expect(row.p90ResolutionMinutes ?? 0, `P${row.priority}`).toBeLessThanOrEqual(longest);
  });

  it("prints resolution times in hours with the unit, as the handover pack does", async () => {
    const run = await cli("incidents", log);
    expect(run.stdout).toMatch(/P\s+incidents\s+open\s+resolved\s+median to resolve\s+p90 to resolve\s+SLA breaches/);
    const p4 = run.stdout.split("\n").find((line) => /^\s*4\s+\d+/.test(line));
    expect(p4).toMatch(/\d+\.\d h\s+\d+\.\d h\s+\d+$/);
    expect(run.stdout).not.toMatch(/ min\b/);
  });
});

describeEachSource("handover incidents on a story log", (_kind, write) => {
  it("prints the register and SLA summary of the incidents in the view", async () => {
    const story = await projectStory();
    const source = await write("incidents", story);
    const latest = JSON.parse((await cli("incidents", source, "--json")).stdout) as { register: { number: string; state: string }[] };
    expect(latest.register.map((entry) => `${entry.number} ${entry.state}`)).toEqual(["INC-1 assigned", "INC-2 closed", "INC-3 new"]);
    const known = JSON.parse((await cli("incidents", source, "--known-at", "2026-03-19", "--json")).stdout) as { view: unknown; register: { number: string }[] };
    expect(known.view).toEqual({ asOf: null, knownAt: "2026-03-19T23:59:59.999Z" });
    expect(known.register.map((entry) => entry.number)).toEqual(["INC-1", "INC-2"]);
  });
});
