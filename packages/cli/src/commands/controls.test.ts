import { writeFile } from "node:fs/promises";
import { writeJsonl, type RecordedEvent } from "@handover/core";
import { assessControls, auditFindings, CONTROL_FRAMEWORKS, ruleOccasions, transitionReadiness, type ControlVerdict } from "@handover/projections";
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

interface ControlsJson {
  readonly projectId: string;
  readonly framework: { readonly id: string };
  readonly counts: Record<string, number>;
  readonly controls: readonly ControlVerdict[];
  readonly unmapped: { readonly findings: readonly string[]; readonly readiness: readonly string[] };
}

const expected = (framework = CONTROL_FRAMEWORKS.iso20000, asOf?: string) => {
  const view = asOf === undefined ? {} : { asOf };
  return assessControls(framework, { findings: auditFindings(story, undefined, view), occasions: ruleOccasions(story, view), readiness: transitionReadiness(story, "crm", view) });
};

describeEachSource("handover controls", (kind, write) => {
  it("lists each ISO/IEC 20000-1 control with pass, fail or not evidenced, the rules behind it and its events, as the library judges them", async () => {
    const source = await write("controls", story);
    const text = await cli("controls", source, "--as-of", "2026-03-26");
    expect(text).toMatchObject({ code: 0, stderr: "" });
    const want = expected(CONTROL_FRAMEWORKS.iso20000, "2026-03-26");
    expect(text.stdout).toContain(`controls of ISO/IEC 20000-1:2018 (iso20000) for project crm in ${source} at position`);
    expect(text.stdout).toContain(`${want.counts.pass} pass, ${want.counts.fail} fail, ${want.counts.not_evidenced} not evidenced`);
    expect(want.counts.fail).toBeGreaterThan(0);
    for (const control of want.controls) expect(text.stdout).toMatch(new RegExp(`\\n${control.id.replace(/\./g, "\\.")} +${{ pass: "PASS", fail: "FAIL", not_evidenced: "NOT EVIDENCED" }[control.status]} `));
    const json = JSON.parse((await cli("controls", source, "--as-of", "2026-03-26", "--json")).stdout) as ControlsJson;
    expect(json).toMatchObject({ projectId: "crm", framework: { id: "iso20000" }, counts: want.counts, unmapped: { findings: [], readiness: [] } });
    expect(json.controls).toEqual(JSON.parse(JSON.stringify(want.controls)));
  });

  it("judges SOX's change controls with --framework sox, and a user's own mapping with --controls", async () => {
    const source = await write("controls_sox", story);
    const sox = JSON.parse((await cli("controls", source, "--framework", "sox", "--json")).stdout) as ControlsJson;
    expect(sox.controls.map((control) => [control.id, control.status])).toEqual(expected(CONTROL_FRAMEWORKS.sox).controls.map((control) => [control.id, control.status]));
    const own = path(`own-${kind}.json`);
    await writeFile(own, JSON.stringify({ id: "ours", name: "Our two controls", controls: [{ id: "SEG", clause: "4.1", title: "four eyes", findings: ["segregation_of_duties"] }, { id: "SLA", clause: "4.2", title: "levels agreed", readiness: ["service_levels"] }] }));
    const run = await cli("controls", source, "--controls", own);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("controls of Our two controls (ours) for project crm");
    expect(run.stdout).toMatch(/\nnot mapped by this framework \(neither to a control nor as evidencing none\): ci_change_unauthorised, approver_role, /);
  });
});

it("refuses an unknown framework, both options at once, a mapping that is not one and an unknown project, in one line each", async () => {
  const log = path("refusals.jsonl");
  await writeJsonl(log, story);
  const badKind = path("bad-kind.json");
  await writeFile(badKind, JSON.stringify({ id: "x", name: "x", controls: [{ id: "A", clause: "1", title: "t", findings: ["sneaky_change"] }] }));
  const cases: [string[], RegExp][] = [
    [["--framework", "cobit"], /--framework: "cobit" is not a default mapping; known: iso20000, sox/],
    [["--framework", "sox", "--controls", badKind], /give --framework or --controls, not both/],
    [["--controls", badKind], /--controls .*bad-kind.json: framework\.controls\[0\]\.findings\[0\]: Invalid option/],
    [["--controls", path("absent.json")], /no such file/],
    [["--project", "erp"], /unknown project "erp"; the log holds 1 project\(s\): crm/],
  ];
  for (const [argv, message] of cases) {
    const run = await cli("controls", log, ...argv);
    expect(run.code, argv.join(" ")).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  }
});
