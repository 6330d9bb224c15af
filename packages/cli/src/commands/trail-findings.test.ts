import { mkdir, readdir, writeFile } from "node:fs/promises";
import type { RecordedEvent } from "@handover/core";
import { auditFindings, auditTrail } from "@handover/projections";
import { resolvePolicy } from "@handover/itil";
import { beforeAll, expect, it } from "vitest";
import { cli, scratch, withTmpdir } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory, storyPolicy } from "../fixtures/project-story.js";

let story: RecordedEvent[];
let policyFile: string;
let path: (name: string) => string;
beforeAll(async () => {
  story = await projectStory();
  path = await scratch();
  policyFile = path("policy.json");
  await writeFile(policyFile, JSON.stringify(storyPolicy));
});

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describeEachSource("handover trail", (_kind, write) => {
  it("prints an entity's own events and the events that name it, in log order", async () => {
    const source = await write("trail", story);
    const run = await cli("trail", source, "--entity", "C-1", "--json");
    const entries = (JSON.parse(run.stdout) as { entries: { position: number; relation: string }[] }).entries;
    expect(entries).toEqual(plain(auditTrail(story, { entityId: "C-1" })));
    expect(entries.filter((entry) => entry.relation === "mentioned").map((entry) => entry.position)).toEqual([32, 49]);
    const text = await cli("trail", source, "--entity", "C-1");
    expect(text.stdout).toMatch(/32 +2026-03-10 19:30 +2026-03-10 19:32 +cm-ben +configuration.attribute_set +crm-db, naming C-1/);
  });

  it("filters by actor, window and type, and shows late recording in the view asked", async () => {
    const source = await write("trail_filters", story);
    const byActor = JSON.parse((await cli("trail", source, "--actor", "cab-cai", "--json")).stdout) as { entries: { type: string }[] };
    expect(byActor.entries.map((entry) => entry.type)).toEqual(["change.vote_cast", "change.authorised"]);
    const window = JSON.parse((await cli("trail", source, "--from", "2026-03-12", "--to", "2026-03-12", "--type", "incident.logged", "--json")).stdout) as { entries: { position: number }[] };
    expect(window.entries.map((entry) => entry.position)).toEqual([36, 39]);
    const early = await cli("trail", source, "--entity", "INC-3", "--known-at", "2026-03-19");
    expect(early.stdout).toContain("0 event(s)\nview: known at 2026-03-19T23:59:59.999Z");
    const late = await cli("trail", source, "--entity", "INC-3");
    expect(late.stdout).toMatch(/58 +2026-03-15 16:00 +2026-03-20 17:00 \(121\.0 h later\) +desk-hal +incident.logged +INC-3/);
  });

  it("refuses an entity or actor the log never names, and a bad window", async () => {
    const source = await write("trail_bad", story);
    expect((await cli("trail", source, "--entity", "C-71")).stderr).toMatch(/^handover trail: unknown entity "C-71": no stream of the log holds it; the log holds 12 entities: C-1, INC-1/);
    expect((await cli("trail", source, "--actor", "nobody")).stderr).toMatch(/^handover trail: unknown actor "nobody"; the log holds 8 actor\(s\): cab-cai/);
    const bad = await cli("trail", source, "--from", "last week");
    expect(bad.code).toBe(2);
  });
});

describeEachSource("handover findings", (kind, write) => {
  it("lists the rules broken, judged under the organisation's policy", async () => {
    const source = await write("findings", story);
    const run = await cli("findings", source, "--policy", policyFile, "--json");
    expect(run.code).toBe(0);
    const policy = resolvePolicy(storyPolicy);
    if (policy._tag === "Left") throw new Error(policy.left);
    const expected = auditFindings(story, policy.right);
    const printed = JSON.parse(run.stdout) as { counts: unknown; findings: { kind: string; position: number; source: string }[] };
    expect(printed.findings).toEqual(plain(expected.findings));
    expect(printed.findings.map((finding) => [finding.kind, finding.position, finding.source])).toEqual([["ci_change_unauthorised", 64, "both"]]);
    const text = await cli("findings", source, "--policy", policyFile);
    expect(text.stdout).toMatch(/64 +2026-03-26 08:00 +ci_change_unauthorised +mail-gw +cm-ben +both +CI mail-gw handed from cm-ben to so-eve/);
  });

  it("without the organisation's roles, finds approvals by people who do not hold the role", async () => {
    const source = await write("findings_roles", story);
    const run = await cli("findings", source, "--kind", "approver_role", "--json");
    const printed = JSON.parse(run.stdout) as { findings: { entityId: string; actor: string }[] };
    expect(printed.findings.map((finding) => `${finding.entityId} ${finding.actor}`)).toEqual(["C-1 cab-cai", "R-1 cm-gus"]);
  });

  it("answers as of a time before the breach", async () => {
    const source = await write("findings_early", story);
    const run = await cli("findings", source, "--policy", policyFile, "--as-of", "2026-03-25");
    expect(run.stdout).toContain("0 finding(s)");
    expect(run.stdout).toContain("view: as of 2026-03-25T23:59:59.999Z");
  });

  it("--spill keeps finished work items and the findings in scratch files it removes after, and prints the same, byte for byte", async () => {
    const source = await write("findings_spill", story);
    const folder = path(`spill-${kind}`);
    await mkdir(folder);
    await withTmpdir(folder, async () => {
      // Text and JSON, every kind or some, or only a kind it has none of (an import's).
      const asked = [[], ["--json"], ["--kind", "ci_change_unauthorised,segregation_of_duties"], ["--json", "--kind", "ci_change_unauthorised,segregation_of_duties"], ["--kind", "import_priority_deviation"], ["--json", "--kind", "import_priority_deviation"]];
      const printed: string[] = [];
      for (const options of asked) {
        const kept = await cli("findings", source, "--policy", policyFile, ...options);
        expect(kept.code).toBe(0);
        expect(await cli("findings", source, "--policy", policyFile, ...options, "--spill"), options.join(" ")).toEqual(kept);
        printed.push(kept.stdout);
      }
      // The runs compared cover a table, a filtered one, and none.
      expect(printed[0]).toMatch(/\n *pos +when \(UTC\) +finding/);
      expect(printed[2]).toContain("of kind ci_change_unauthorised, segregation_of_duties, of ");
      expect(printed[4]).toContain("no findings of kind import_priority_deviation");
      expect(await readdir(folder)).toEqual([]);
    });
    await withTmpdir(path("no-such-folder"), async () => {
      const refused = await cli("findings", source, "--spill");
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^handover findings: --spill: could not make a scratch file for the audit \(.*no-such-folder/);
    });
  });

  it("refuses an unknown project, an unknown kind and a bad policy file", async () => {
    const source = await write("findings_bad", story);
    expect(await cli("findings", source, "--project", "erp")).toMatchObject({ code: 2, stderr: 'handover findings: unknown project "erp"; the log holds 1 project(s): crm\n' });
    expect((await cli("findings", source, "--kind", "typo")).code).toBe(2);
    await writeFile(path("bad-policy.json"), JSON.stringify({ rules: { ci_change_authorised: "sometimes" } }));
    const bad = await cli("findings", source, "--policy", path("bad-policy.json"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^handover findings: --policy .*bad-policy\.json: policy\.rules\.ci_change_authorised/);
    expect((await cli("findings", source, "--policy", path("absent.json"))).stderr).toMatch(/absent\.json: no such file/);
  });
});
