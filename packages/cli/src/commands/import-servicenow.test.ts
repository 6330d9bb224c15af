import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { readJsonl, toArray, verifyChain } from "@handover/core";
import { incidentRegister, importServiceNow } from "@handover/import-servicenow";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, SAMPLE, scratch } from "../fixtures/cli-harness.js";

let path: (name: string) => string;
beforeAll(async () => {
  path = await scratch();
});

const oneLine = (text: string) => expect(text.trimEnd().split("\n")).toHaveLength(1);

describe("handover import servicenow", () => {
  it("writes the chained log of the sample and prints the summary as JSON", async () => {
    const out = path("sample.jsonl");
    const run = await cli("import", "servicenow", SAMPLE, "--out", out, "--json");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const summary = JSON.parse(run.stdout) as Record<string, number>;
    expect(Object.keys(summary).sort()).toEqual(["duplicateRows", "events", "incidents", "lifecycleDeviations", "outOfOrderRows", "priorityDeviations", "rows", "rowsAheadOfTime"]);
    expect(summary).toMatchObject({ incidents: 200, rows: 1285 });
    const log = await toArray(readJsonl(out));
    expect(log).toHaveLength(summary.events ?? -1);
    expect(verifyChain(log)).toMatchObject({ ok: true });
    const direct = importServiceNow(await readFile(SAMPLE), { recordedAt: "2026-06-01T00:00:00.000Z" });
    expect(direct._tag === "Right" && incidentRegister(log)).toEqual(direct._tag === "Right" && incidentRegister(direct.right.events));
  });

  it("prints a readable summary with the deviations grouped", async () => {
    const run = await cli("import", "servicenow", SAMPLE, "--out", path("readable.jsonl"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("incidents             200");
    expect(run.stdout).toMatch(/\d+ {2}impact 3 \/ urgency 3: source priority 4, itil gives 5/);
    expect(run.stdout).toContain("assigned → incident.resolved");
  });

  it("gives every count its unit, and the findings of the imported log agree with the summary's deviations; a log with no project gets no phase-gate findings, said once", async () => {
    const log = path("units.jsonl");
    const run = await cli("import", "servicenow", SAMPLE, "--out", log, "--json");
    const summary = JSON.parse(run.stdout) as { priorityDeviations: number; lifecycleDeviations: number };
    const text = await cli("import", "servicenow", SAMPLE, "--out", path("units-text.jsonl"));
    expect(text.stdout).toMatch(new RegExp(`priority deviations {3}${summary.priorityDeviations} rows in \\d+ incidents`));
    expect(text.stdout).toContain(`lifecycle deviations  ${summary.lifecycleDeviations} events`);
    const findings = JSON.parse((await cli("findings", log, "--json")).stdout) as { counts: Record<string, number>; notes: string[] };
    expect(findings.counts.import_lifecycle_deviation).toBe(summary.lifecycleDeviations);
    const incidentsDeviating = Number(/rows in (\d+) incidents/.exec(text.stdout)?.[1]);
    expect(findings.counts.import_priority_deviation).toBeGreaterThanOrEqual(incidentsDeviating);
    expect(findings.counts.process_before_phase).toBeUndefined();
    expect(findings.notes).toEqual([expect.stringContaining("the log holds no project, so no phase: the phase gate (process_before_phase) has nothing to judge")]);
    const printed = await cli("findings", log);
    expect(printed.stdout.match(/phase gate/g)).toHaveLength(1);
  });

  it("measures deviations against a matrix from a JSON file", async () => {
    const matrix = path("servicenow-matrix.json");
    await writeFile(matrix, JSON.stringify({ name: "instance", cells: [[1, 2, 3], [2, 3, 4], [3, 4, 4]] }));
    const run = await cli("import", "servicenow", SAMPLE, "--out", path("m.jsonl"), "--matrix", matrix, "--json");
    expect(JSON.parse(run.stdout)).toMatchObject({ priorityDeviations: 0 });
  });

  describe("refuses bad input with exit 2, one line, and nothing written", () => {
    const broken = async (name: string, edit: (lines: string[]) => void) => {
      const lines = (await readFile(SAMPLE, "utf8")).split("\r\n");
      edit(lines);
      const file = path(name);
      await writeFile(file, lines.join("\r\n"));
      return file;
    };

    it("a missing file", async () => {
      const out = path("never.jsonl");
      const run = await cli("import", "servicenow", path("absent.csv"), "--out", out);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^handover import servicenow: .*absent\.csv: no such file\n$/);
      expect(existsSync(out)).toBe(false);
    });

    it("a broken CSV line, leaving an existing log as it was", async () => {
      const csv = await broken("broken.csv", (lines) => {
        lines[40] = `${lines[40]},"unclosed`;
      });
      const out = path("kept.jsonl");
      await writeFile(out, "previous content\n");
      const run = await cli("import", "servicenow", csv, "--out", out, "--force");
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("broken.csv line 41");
      oneLine(run.stderr);
      expect(await readFile(out, "utf8")).toBe("previous content\n");
    });

    it("a missing column", async () => {
      const csv = await broken("no-column.csv", (lines) => {
        lines[0] = (lines[0] ?? "").replace("made_sla", "made_it");
      });
      const run = await cli("import", "servicenow", csv, "--out", path("no-column.jsonl"));
      expect(run).toMatchObject({ code: 2, stderr: 'handover import servicenow: no-column.csv line 1, column made_sla: the header has no column "made_sla"; a ServiceNow incident audit log has it\n' });
      expect(existsSync(path("no-column.jsonl"))).toBe(false);
    });

    it("a malformed date", async () => {
      const csv = await broken("bad-date.csv", (lines) => {
        lines[99] = (lines[99] ?? "").replace(/,(\d{2})-(\d{2})-2016 (\d{2}:\d{2}),/, ",2016-$2-$1 $3,");
      });
      const run = await cli("import", "servicenow", csv, "--out", path("bad-date.jsonl"));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/bad-date\.csv line 100, column 10 \(opened_at\): expected a date like 29-02-2016 01:23/);
      expect(existsSync(path("bad-date.jsonl"))).toBe(false);
    });

    it("missing --out, a stray argument, an unknown option, an unknown matrix", async () => {
      for (const argv of [
        ["import", "servicenow", SAMPLE],
        ["import", "servicenow", SAMPLE, "extra", "--out", path("x.jsonl")],
        ["import", "servicenow", SAMPLE, "--out", path("x.jsonl"), "--fast"],
        ["import", "servicenow", SAMPLE, "--out", path("x.jsonl"), "--matrix", "textbook"],
        ["import", "servicenow", SAMPLE, "--out", path("no-such-folder/x.jsonl")],
        ["import", "servicenow", SAMPLE, "--out", SAMPLE],
      ]) {
        const run = await cli(...argv);
        expect(run.code, argv.join(" ")).toBe(2);
        oneLine(run.stderr);
      }
      expect(existsSync(path("x.jsonl"))).toBe(false);
    });
  });

  it("prints its help with an example", async () => {
    const run = await cli("import", "servicenow", "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("usage: handover import servicenow <csv> --out <log.jsonl> [--matrix itil] [--force] [--json]");
    expect(run.stdout).toContain("example:\n  handover import servicenow");
  });
});
