import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { RecordedEvent } from "@handover/core";
import { transitionReadiness } from "@handover/projections";
import { beforeAll, expect, it } from "vitest";
import { cli, scratch } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";

let story: RecordedEvent[];
let path: (name: string) => string;
beforeAll(async () => {
  story = await projectStory();
  path = await scratch();
});

/** Every `<tr class="check ...">` row of the checklist, with its check and status. */
const checklistRows = (page: string) => [...page.matchAll(/<tr class="check (pass|warn|fail)" data-check="([a-z_]+)" data-status="\1">/g)].map((match) => [match[2], match[1]]);

describeEachSource("handover report", (kind, write) => {
  it("writes one self-contained HTML file: checklist with evidence, timeline chart, CI graph, baseline, findings, incidents, known errors", async () => {
    const source = await write("report", story);
    const out = path(`pack-${kind}.html`);
    const run = await cli("report", source, "crm", "--out", out, "--as-of", "2026-03-26");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("readiness: NOT READY (9 pass, 0 warn, 1 fail); 56 finding(s); 2 open incident(s)");
    const page = await readFile(out, "utf8");
    const expected = transitionReadiness(story, "crm", { asOf: "2026-03-26" });
    expect(checklistRows(page)).toEqual(expected.checks.map((check) => [check.name, check.status]));
    expect(page).toContain('<p class="verdict fail" id="verdict">Not ready to hand over</p>');
    expect(page).toContain("view: as of 2026-03-26T23:59:59.999Z");
    expect(page).toMatch(/<svg class="timeline"[^>]*>.*<rect class="seg fail"/s);
    expect(page).toMatch(/<svg class="ci-graph"[^>]*>.*data-ci="crm-service"/s);
    for (const section of ["readiness", "timeline", "ci-graph", "baseline", "findings", "incidents", "known-errors"]) expect(page).toContain(`<section id="${section}"`);
    expect(page).toContain("search by customer number");
    expect(page).toContain("baseline &quot;go-live&quot; of project crm");
  });

  it("escapes every text it shows and fetches nothing: no script, no link, no remote URL", async () => {
    const source = await write("report_safe", story);
    const out = path(`safe-${kind}.html`);
    expect((await cli("report", source, "crm", "--out", out)).code).toBe(0);
    const page = await readFile(out, "utf8");
    expect(page).toContain("CRM &lt;app&gt; &amp; portal");
    expect(page).toContain("Search &lt;script&gt; times out");
    expect(page).not.toMatch(/<script|<link|<iframe|<img|@import|\bsrc=|\bhref="(?!#)/i);
    expect(page).toMatch(/<a class="ev" href="#event-\d+">@\d+<\/a>/);
    expect(page.match(/https?:\/\/[^"'\s<]+/g)?.filter((url) => url !== "http://www.w3.org/2000/svg") ?? []).toEqual([]);
    expect(page).toContain("@media print");
    expect(page).toContain('<p class="verdict pass" id="verdict">Ready to hand over</p>');
  });

  it("writes GitHub Markdown with a Mermaid graph block and the same checklist", async () => {
    const source = await write("report_md", story);
    const out = path(`pack-${kind}.md`);
    const run = await cli("report", source, "crm", "--out", out, "--json");
    expect(JSON.parse(run.stdout)).toMatchObject({ out, format: "markdown", projectId: "crm", position: 65, ready: true, findings: 57 });
    const text = await readFile(out, "utf8");
    expect(text).toMatch(/^# Handover pack: CRM replacement \(crm\)\n/);
    expect(text).toContain("```mermaid\ngraph LR\n");
    expect(text).toContain("graph LR\n  ci1[\"crm-app<br/>CRM #lt;app#gt; #amp; portal");
    expect(text).toContain("| Check | Verdict | Why | Evidence |");
    expect(text).toContain("| production\\_baseline | ✅ pass | production baseline \"go-live\" covers every CI in service | @61 |");
    expect(text).toContain("CRM &lt;app&gt; &amp; portal");
    expect(text).not.toContain("<script>");
  });

  it("refuses an unknown project, a project not started in the view, and a bad --out, writing nothing", async () => {
    const source = await write("report_bad", story);
    const out = path(`never-${kind}.html`);
    expect(await cli("report", source, "erp", "--out", out)).toMatchObject({ code: 2, stderr: 'handover report: unknown project "erp"; the log holds 1 project(s): crm\n' });
    expect((await cli("report", source, "crm", "--out", out, "--as-of", "2026-03-01")).stderr).toBe('handover report: project "crm" has not started in this view (view: as of 2026-03-01T23:59:59.999Z (what was true then, by business time)); the view holds no project(s)\n');
    for (const argv of [["report", source, "crm"], ["report", source, "crm", "--out", path("pack.pdf")], ["report", source, "crm", "--out", path("no-folder/pack.html")], ["report", source, "--out", out]]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  });
});
