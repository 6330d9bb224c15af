import type { RecordedEvent } from "@handover/core";
import { cmdbAsOf } from "@handover/projections";
import { beforeAll, expect, it } from "vitest";
import { cli } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";

let story: RecordedEvent[];
beforeAll(async () => {
  story = await projectStory();
});

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describeEachSource("handover cmdb", (kind, write) => {
  it("prints every CI with its scope and relationships, and says which view it shows", async () => {
    const source = await write("cmdb", story);
    const run = await cli("cmdb", source);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`at position ${story.length}: 5 CI(s), 5 in production scope`);
    expect(run.stdout).toContain("view: latest");
    expect(run.stdout).toContain("baselines: design-freeze (project, position 12), go-live (production, position 61)");
    expect(run.stdout).toMatch(/crm-app +application +CRM <app> & portal +cm-ben +in_test +production .*depends_on crm-db, runs_on app-server, connects_to mail-gw/);
  });

  it("answers as of a business time, as the projection does on the same events", async () => {
    const source = await write("cmdb_as_of", story);
    const run = await cli("cmdb", source, "--as-of", "2026-03-04", "--json");
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { view: unknown; position: number; cis: { scope: string }[]; baselines: { name: string }[] };
    const expected = cmdbAsOf(story, { asOf: "2026-03-04" });
    expect(printed.view).toEqual({ asOf: "2026-03-04T23:59:59.999Z", knownAt: null });
    expect(printed.position).toBe(12);
    expect(printed.cis).toEqual(plain(expected.cis));
    expect(printed.cis.map((ci) => ci.scope)).toEqual(["project", "project", "project", "project", "project"]);
    expect(printed.baselines.map((taken) => taken.name)).toEqual(["design-freeze"]);
  });

  it("answers with what the log knew at a recorded time", async () => {
    const source = await write("cmdb_known", story);
    const run = await cli("cmdb", source, "--known-at", "2026-03-25T09:00:00Z", "--json");
    const printed = JSON.parse(run.stdout) as { position: number; cis: { ciId: string; owner: string }[] };
    expect(printed.position).toBe(story.filter((event) => event.recordedAt <= "2026-03-25T09:00:00.000Z").length);
    expect(printed.cis.find((ci) => ci.ciId === "mail-gw")?.owner).toBe("cm-ben");
  });

  it("refuses a bad time and a stray argument with exit 2 and one line", async () => {
    const source = await write("cmdb_bad", story);
    for (const argv of [["cmdb", source, "--as-of", "12 March"], ["cmdb", source, "--known-at", "2026-02-30"], ["cmdb", source, "extra"], ["cmdb"]]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr.trimEnd().split("\n"), argv.join(" ")).toHaveLength(1);
    }
    expect((await cli("cmdb", source, "--as-of", "12 March")).stderr).toContain("--as-of 12 March: expected a date (2026-03-12: the end of that day, UTC) or a date-time with a zone (2026-03-12T09:30:00Z)");
  });

  if (kind === "jsonl") {
    it("refuses a missing file", async () => {
      const run = await cli("cmdb", "/nonexistent/history.jsonl");
      expect(run).toMatchObject({ code: 2, stderr: "handover cmdb: /nonexistent/history.jsonl: no such file\n" });
    });
  }
});
