import { mkdir, readdir, writeFile } from "node:fs/promises";
import type { RecordedEvent } from "@handover/core";
import { readinessTimeline, transitionReadiness } from "@handover/projections";
import { beforeAll, expect, it } from "vitest";
import { cli, scratch, withTmpdir } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";

let story: RecordedEvent[];
let path: (name: string) => string;
beforeAll(async () => {
  story = await projectStory();
  path = await scratch();
});

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describeEachSource("handover readiness", (kind, write) => {
  it("exits 0 when the project is ready, with every check and its evidence", async () => {
    const source = await write("ready", story);
    const run = await cli("readiness", source, "crm", "--json");
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { readiness: unknown }).readiness).toEqual(plain(transitionReadiness(story, "crm")));
    const text = await cli("readiness", source, "crm");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^readiness of project crm in .* at position 65: READY \(10 pass, 0 warn, 0 fail\)\nview: latest/);
    expect(text.stdout).toMatch(/production_baseline +PASS +production baseline "go-live" covers every CI in service +@61/);
  });

  it("exits 1 when it is not ready as of a time, naming the failing check and its evidence", async () => {
    const source = await write("not_ready", story);
    const run = await cli("readiness", source, "crm", "--as-of", "2026-03-26");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("NOT READY (9 pass, 0 warn, 1 fail)");
    expect(run.stdout).toMatch(/incident_workarounds +FAIL +1 open incident has neither a workaround nor a known error: INC-3.* +@58/);
  });

  it("knows less at a recorded time than the business time says: INC-3 was recorded late", async () => {
    const source = await write("known_at", story);
    const asOf = JSON.parse((await cli("readiness", source, "crm", "--as-of", "2026-03-19", "--json")).stdout) as { readiness: { checks: { name: string; status: string }[] } };
    const knownAt = JSON.parse((await cli("readiness", source, "crm", "--known-at", "2026-03-19", "--json")).stdout) as { readiness: { checks: { name: string; status: string }[] } };
    const workarounds = (answer: typeof asOf) => answer.readiness.checks.find((check) => check.name === "incident_workarounds")?.status;
    expect([workarounds(asOf), workarounds(knownAt)]).toEqual(["fail", "pass"]);
  });

  it("gives the timeline: when it first became ready, and what flipped each point", async () => {
    const source = await write("timeline", story);
    const run = await cli("readiness", source, "crm", "--timeline", "--json");
    expect(run.code).toBe(0);
    const printed = (JSON.parse(run.stdout) as { timeline: { firstReady: number | null } }).timeline;
    expect(printed).toEqual(plain(readinessTimeline(story, "crm")));
    expect(printed.firstReady).toBe(65);
    const text = await cli("readiness", source, "crm", "--timeline", "--as-of", "2026-03-26");
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^readiness timeline of project crm in .*: never ready in this view; 0 flip\(s\) back to not ready; not ready at the end of the view/);
    expect(text.stdout).toMatch(/58 +2026-03-15 16:00 +incident.logged +not ready +incident_workarounds pass→fail/);
  });

  it("applies criteria from a file: a failing check can be made a warning", async () => {
    const source = await write("criteria", story);
    await writeFile(path("criteria.json"), JSON.stringify({ severities: { incident_workarounds: "warn" } }));
    const run = await cli("readiness", source, "crm", "--as-of", "2026-03-26", "--criteria", path("criteria.json"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("READY (9 pass, 1 warn, 0 fail)");
  });

  it("--spill keeps finished work items in a scratch file it removes after, and gives the same checklist", async () => {
    const source = await write("readiness_spill", story);
    const folder = path(`readiness-spill-${kind}`);
    await mkdir(folder);
    await withTmpdir(folder, async () => {
      for (const options of [[], ["--json"], ["--as-of", "2026-03-26"], ["--json", "--known-at", "2026-03-19"]]) {
        const kept = await cli("readiness", source, "crm", ...options);
        expect(await cli("readiness", source, "crm", ...options, "--spill"), options.join(" ")).toEqual(kept);
      }
      expect(await readdir(folder)).toEqual([]);
      const timeline = await cli("readiness", source, "crm", "--timeline", "--spill");
      expect(timeline).toMatchObject({ code: 2, stdout: "" });
      expect(timeline.stderr).toMatch(/^handover readiness: --spill: not with --timeline/);
    });
    await withTmpdir(path("no-such-folder"), async () => {
      const refused = await cli("readiness", source, "crm", "--spill");
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^handover readiness: --spill: could not make a scratch file for the audit \(.*no-such-folder/);
    });
  });

  it("refuses an unknown project, bad criteria and a bad time with exit 2 and one line", async () => {
    const source = await write("readiness_bad", story);
    expect(await cli("readiness", source, "erp")).toMatchObject({ code: 2, stdout: "", stderr: 'handover readiness: unknown project "erp"; the log holds 1 project(s): crm\n' });
    await writeFile(path("bad-criteria.json"), JSON.stringify({ checks: ["production_baseline", "coffee"] }));
    expect((await cli("readiness", source, "crm", "--criteria", path("bad-criteria.json"))).stderr).toMatch(/^handover readiness: --criteria .*bad-criteria\.json: criteria\.checks: unknown check coffee/);
    await writeFile(path("bad-shape.json"), JSON.stringify({ blockingPriority: "two" }));
    expect((await cli("readiness", source, "crm", "--criteria", path("bad-shape.json"))).stderr).toMatch(/criteria\.blockingPriority: /);
    for (const argv of [["readiness", source], ["readiness", source, "crm", "--as-of", "2026-13-01"], ["readiness", source, "crm", "--timeline=yes"]]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});

describeEachSource("handover replay", (kind, write) => {
  it("summarises the project: phase, counts per process and state, baselines and readiness", async () => {
    const source = await write("replay", story);
    const run = await cli("replay", source, "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      position: 65,
      events: 65,
      project: { projectId: "crm", name: "CRM replacement", phase: "deployment", status: "transition_requested" },
      processes: {
        configuration: { total: 5, byState: { in_test: 5 } },
        change: { total: 1, byState: { closed: 1 } },
        incident: { total: 3, byState: { assigned: 1, closed: 1, new: 1 } },
        problem: { total: 1, byState: { known_error: 1 } },
        release: { total: 1, byState: { deployed: 1 } },
      },
      baselines: [{ name: "design-freeze", kind: "project", position: 12, cis: 5 }, { name: "go-live", kind: "production", position: 61, cis: 5 }],
      readiness: { ready: true },
    });
  });

  it("summarises as of a time, in text", async () => {
    const source = await write("replay_text", story);
    const run = await cli("replay", source, "--as-of", "2026-03-12T09:30:00Z");
    expect(run.stdout).toContain("view: as of 2026-03-12T09:30:00.000Z");
    expect(run.stdout).toContain('project crm "CRM replacement" (manager pm-ana): phase system_test, status active');
    expect(run.stdout).toContain("readiness: NOT READY (6 pass, 0 warn, 4 fail); failing: production_baseline, incident_workarounds, production_release, service_levels");
    expect(run.stdout).toMatch(/incident +1 +assigned 1/);
    expect(run.stdout).toContain("baselines: design-freeze (project, 5 CIs, position 12)\n");
  });

  it("says when no project has started in the view, and refuses an unknown one", async () => {
    const source = await write("replay_early", story);
    expect((await cli("replay", source, "--as-of", "2026-03-01")).stdout).toContain("project: none started in this view");
    expect(await cli("replay", source, "--project", "erp")).toMatchObject({ code: 2, stderr: 'handover replay: unknown project "erp"; the log holds 1 project(s): crm\n' });
  });

  it("--spill keeps finished work items in a scratch file it removes after, and gives the same summary (the counts kept as events move items, as the property test of replaySummary checks with items spilled)", async () => {
    const source = await write("replay_spill", story);
    const folder = path(`replay-spill-${kind}`);
    await mkdir(folder);
    await withTmpdir(folder, async () => {
      for (const options of [[], ["--json"], ["--as-of", "2026-03-26"], ["--json", "--known-at", "2026-03-19"]]) {
        const kept = await cli("replay", source, ...options);
        expect(kept.code, options.join(" ")).toBe(0);
        expect(await cli("replay", source, ...options, "--spill"), options.join(" ")).toEqual(kept);
      }
      expect(await readdir(folder)).toEqual([]);
    });
    await withTmpdir(path("no-such-folder"), async () => {
      const refused = await cli("replay", source, "--spill");
      expect(refused).toMatchObject({ code: 2, stdout: "" });
      expect(refused.stderr).toMatch(/^handover replay: --spill: could not make a scratch file for the audit \(.*no-such-folder/);
    });
  });
});
