import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { writeJsonl } from "@handover/core";
import { beforeAll, describe, expect, it } from "vitest";
import { commandHelp } from "../help.js";
import { baselineCommand } from "../commands/baseline.js";
import { cmdbCommand, CMDB_TABLES } from "../commands/cmdb.js";
import { controlsCommand } from "../commands/controls.js";
import { diffCommand } from "../commands/diff.js";
import { findingsCommand, FINDINGS_TABLES } from "../commands/findings.js";
import { impactCommand, IMPACT_TABLES } from "../commands/impact.js";
import { incidentsCommand, INCIDENTS_TABLES } from "../commands/incidents.js";
import { metricsCommand } from "../commands/metrics.js";
import { readinessCommand } from "../commands/readiness.js";
import { replayCommand, REPLAY_TABLES } from "../commands/replay.js";
import { trailCommand, TRAIL_TABLES } from "../commands/trail.js";
import type { CliCommand } from "../command.js";
import { cli, scratch } from "../fixtures/cli-harness.js";
import { projectStory } from "../fixtures/project-story.js";
import { BASELINE_TABLES, DIFF_TABLES } from "./baseline-text.js";
import { columnDetails, columnGuideRow, type ColumnGroup } from "./columns.js";
import { CONTROLS_TABLES } from "./controls-text.js";
import { METRICS_TABLES } from "./metrics-text.js";
import { READINESS_TABLES } from "./readiness-text.js";
import { TIME_FORMS } from "./time-input.js";

const GUIDE = fileURLToPath(new URL("../../../../docs/guide.md", import.meta.url));

/** Every command that prints a table, with its tables. */
const EXPLAINED: readonly (readonly [CliCommand, readonly ColumnGroup[]])[] = [
  [incidentsCommand, INCIDENTS_TABLES],
  [findingsCommand, FINDINGS_TABLES],
  [trailCommand, TRAIL_TABLES],
  [readinessCommand, READINESS_TABLES],
  [cmdbCommand, CMDB_TABLES],
  [replayCommand, REPLAY_TABLES],
  [baselineCommand, BASELINE_TABLES],
  [diffCommand, DIFF_TABLES],
  [impactCommand, IMPACT_TABLES],
  [metricsCommand, METRICS_TABLES],
  [controlsCommand, CONTROLS_TABLES],
];

let log: string;
beforeAll(async () => {
  log = (await scratch())("story.jsonl");
  await writeJsonl(log, await projectStory());
});

/** The section of the guide that explains a command's columns: from its `#### handover <command>` heading to the next heading. */
function guideSection(guide: string, command: CliCommand): string {
  const start = guide.indexOf(`#### \`handover ${command.path.join(" ")}\``);
  if (start < 0) return "";
  const end = guide.slice(start + 5).search(/\n#{2,4} /);
  return end < 0 ? guide.slice(start) : guide.slice(start, start + 5 + end);
}

describe("words that agree with the view", () => {
  it("explains every column of every table in the command's --help and in docs/guide.md, in the same words", async () => {
    const guide = await readFile(GUIDE, "utf8");
    for (const [command, tables] of EXPLAINED) {
      const help = commandHelp(command);
      const section = guideSection(guide, command);
      for (const line of columnDetails(tables)) expect(help, command.path.join(" ")).toContain(line);
      for (const column of tables.flatMap((table) => table.columns)) expect(section, `${command.path.join(" ")}: ${column.heading}`).toContain(columnGuideRow(column));
    }
  });

  it("explains what found by replay, recorded and both mean", () => {
    const help = commandHelp(findingsCommand);
    for (const value of ["replay:", "recorded:", "both:"]) expect(help).toContain(value);
  });

  it("counts in the findings heading what it shows after --kind, and says how many the view holds in all", async () => {
    const all = JSON.parse((await cli("findings", log, "--json")).stdout) as { findings: unknown[] };
    expect(all.findings.length).toBeGreaterThan(0);
    const run = await cli("findings", log, "--kind", "segregation_of_duties");
    const [heading = ""] = run.stdout.split("\n");
    expect(heading).toMatch(new RegExp(`: 0 finding\\(s\\) of kind segregation_of_duties, of ${all.findings.length} in the view$`));
    expect(run.stdout).toContain("no findings of kind segregation_of_duties\n");
    const json = JSON.parse((await cli("findings", log, "--kind", "segregation_of_duties", "--json")).stdout) as { kinds: string[]; total: number; counts: unknown; findings: unknown[] };
    expect(json).toMatchObject({ kinds: ["segregation_of_duties"], total: all.findings.length, counts: {}, findings: [] });
  });

  it("shows in the trail's recorded column when the log learnt of each event, and how late", async () => {
    const run = await cli("trail", log);
    const rows = run.stdout.split("\n").filter((line) => /^\s*\d+ {2}/.test(line));
    expect(run.stdout).toMatch(/pos {2}when \(UTC\) +recorded \(UTC\) +actor/);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toMatch(/^\s*\d+ {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(rows.filter((row) => / h later\)/.test(row))).toHaveLength(1);
  });

  it("reads a bad --as-of in the help's words, and takes a plain date", async () => {
    expect(commandHelp(incidentsCommand)).toContain(`--as-of <time>    what was true at a business time: ${TIME_FORMS}`);
    expect((await cli("incidents", log, "--as-of", "2016-03-1")).stderr).toBe(`handover incidents: --as-of 2016-03-1: expected ${TIME_FORMS}\n`);
    expect((await cli("incidents", log, "--as-of", "2026-03-12 10:00")).stderr).toBe("handover incidents: --as-of 2026-03-12 10:00: a date-time needs a zone; write 2026-03-12T10:00Z for UTC, or an offset such as +01:00\n");
    expect((await cli("incidents", log, "--known-at", "2026-02-30")).stderr).toBe(`handover incidents: --known-at 2026-02-30: no such date; expected ${TIME_FORMS}\n`);
    const plain = await cli("incidents", log, "--as-of", "2026-03-12", "--json");
    expect(plain.code).toBe(0);
    expect((JSON.parse(plain.stdout) as { view: unknown }).view).toEqual({ asOf: "2026-03-12T23:59:59.999Z", knownAt: null });
  });

  it("prints every duration in hours with the unit, in the CLI's tables and in the handover pack", async () => {
    const out = (await scratch())("pack.md");
    await cli("report", log, "crm", "--out", out);
    const texts = [(await cli("incidents", log)).stdout, (await cli("metrics", log)).stdout, await readFile(out, "utf8")];
    for (const text of texts) {
      expect(text).toMatch(/\d+\.\d h\b/);
      expect(text).not.toMatch(/\d+ ?min\b|\d+h \d+m|\d+d \d+h/);
    }
  });
});
