import type { RecordedEvent } from "@handover/core";
import { beforeAll, expect, it } from "vitest";
import { cli } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";

let story: RecordedEvent[];
beforeAll(async () => {
  story = await projectStory();
});

interface PrintedImpact {
  readonly direction: string;
  readonly depth: number | null;
  readonly cis: readonly { ciId: string; distance: number; path: readonly { type: string; to: string }[] }[];
}

describeEachSource("handover impact", (_kind, write) => {
  it("lists the CIs that depend on a CI, nearest first, with their paths", async () => {
    const source = await write("impact", story);
    const run = await cli("impact", source, "crm-db", "--json");
    expect(run.code).toBe(0);
    const [upstream] = (JSON.parse(run.stdout) as { impacts: PrintedImpact[] }).impacts;
    expect(upstream?.direction).toBe("upstream");
    expect(upstream?.depth).toBeNull();
    expect(upstream?.cis.map((ci) => [ci.ciId, ci.distance])).toEqual([["crm-app", 1], ["mail-gw", 2], ["crm-service", 2]]);
    expect(upstream?.cis.find((ci) => ci.ciId === "crm-service")?.path.map((step) => `${step.type} ${step.to}`)).toEqual(["used_by crm-app", "used_by crm-service"]);
    const text = await cli("impact", source, "crm-db");
    expect(text.stdout).toMatch(/2 +crm-service +crm-db used_by crm-app used_by crm-service/);
  });

  it("follows a depth, both directions and chosen relationship types", async () => {
    const source = await write("impact_opts", story);
    const run = await cli("impact", source, "crm-app", "--direction", "both", "--depth", "1", "--types", "depends_on,runs_on", "--json");
    const impacts = (JSON.parse(run.stdout) as { impacts: PrintedImpact[] }).impacts;
    expect(impacts.map((impact) => [impact.direction, impact.depth, impact.cis.map((ci) => ci.ciId)])).toEqual([
      ["upstream", 1, ["crm-service"]],
      ["downstream", 1, ["crm-db", "app-server"]],
    ]);
  });

  it("impact as of a time before the relationships existed reaches nothing", async () => {
    const source = await write("impact_early", story);
    const run = await cli("impact", source, "crm-db", "--as-of", "2026-03-02T10:20:00Z", "--json");
    expect((JSON.parse(run.stdout) as { impacts: PrintedImpact[] }).impacts[0]?.cis).toEqual([]);
  });

  it("refuses an unknown CI, a bad depth, direction or type with exit 2 and one line", async () => {
    const source = await write("impact_bad", story);
    const unknown = await cli("impact", source, "crm-dbx");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^handover impact: impact of crm-dbx: no such CI in the CMDB at position \d+; the CMDB holds 5 CI\(s\): crm-app, crm-db/);
    const early = await cli("impact", source, "crm-db", "--as-of", "2026-03-01");
    expect(early.stderr).toContain("the CMDB holds 0 CI(s)");
    for (const argv of [["impact", source], ["impact", source, "crm-db", "--depth", "0"], ["impact", source, "crm-db", "--depth", "two"], ["impact", source, "crm-db", "--direction", "sideways"], ["impact", source, "crm-db", "--types", "likes"]]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});
