import type { RecordedEvent } from "@handover/core";
import { baseline, compareBaselines, diffBaselines, drift } from "@handover/projections";
import { beforeAll, expect, it } from "vitest";
import { cli } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";

let story: RecordedEvent[];
beforeAll(async () => {
  story = await projectStory();
});

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const contentsOf = (name: string) => {
  const found = baseline(story, name);
  if (found._tag === "Left") throw new Error(found.left.message);
  return found.right;
};

describeEachSource("handover baseline and diff", (kind, write) => {
  it("prints a baseline's CIs as the log stood when it was taken", async () => {
    const source = await write("baseline", story);
    const run = await cli("baseline", source, "go-live", "--json");
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { baseline: unknown }).baseline).toEqual(plain(contentsOf("go-live")));
    const text = await cli("baseline", source, "design-freeze");
    expect(text.stdout).toMatch(/^baseline "design-freeze" of project crm: project, scope all CIs, taken 2026-03-04 09:00 UTC at position 12\nview: latest/);
    expect(text.stdout).toMatch(/crm-app +application +CRM <app> & portal +cm-ben +planned +4 +version="1.0"/);
  });

  it("compares two baselines: old → new for every field and attribute, each authorised or not with the events between them", async () => {
    const source = await write("diff", story);
    const run = await cli("diff", source, "design-freeze", "go-live", "--json");
    const printed = JSON.parse(run.stdout) as { diff: unknown };
    expect(printed).toEqual(expect.objectContaining(plain(compareBaselines(contentsOf("design-freeze"), contentsOf("go-live"), story)) as object));
    expect(printed.diff).toEqual(plain(diffBaselines(contentsOf("design-freeze"), contentsOf("go-live"))));
    const text = await cli("diff", source, "design-freeze", "go-live");
    expect(text.stdout).toContain('diff of baselines "design-freeze" (position 12) → "go-live" (position 61) in ' + source.replace(/^jsonl:/, "") + ": 7 difference(s), 1 authorised, 6 unauthorised");
    expect(text.stdout).toMatch(/crm-app +status: "planned" → "in_test" +NO +@14 \(unauthorised\), @20 \(unauthorised\)/);
    expect(text.stdout).toMatch(/crm-db +attribute work_mem: \(unset\) → "64MB" +yes +@32 C-1/);
    expect(text.stdout).toMatch(/crm-app +attribute version: "1.0" → "1.1" +NO +@15 \(unauthorised\)/);
  });

  it("compares a baseline with the CMDB as of a time: drift with the events that made it, authorised or not", async () => {
    const source = await write("drift", story);
    const run = await cli("diff", source, "design-freeze", "--as-of", "2026-03-12", "--json");
    const printed = JSON.parse(run.stdout) as { drift: { authorised: number; unauthorised: number } };
    expect(printed.drift).toEqual(plain(drift(contentsOf("design-freeze"), story, { asOf: "2026-03-12" })));
    expect(printed.drift).toMatchObject({ authorised: 1, unauthorised: 6 });
    const latest = await cli("diff", source, "go-live");
    expect(latest.stdout).toContain('drift of the CMDB at position 65 from baseline "go-live" (position 61): 1 difference(s), 0 authorised, 1 unauthorised');
    expect(latest.stdout).toMatch(/mail-gw +owner: "cm-ben" → "so-eve" +NO +@64 \(unauthorised\)/);
  });

  it("refuses an unknown baseline (naming the ones the log holds) and one not taken yet in the view", async () => {
    const source = await write("baseline_bad", story);
    const unknown = await cli("baseline", source, "golive");
    expect(unknown).toMatchObject({ code: 2, stderr: 'handover baseline: no baseline "golive" in the log read; it holds "design-freeze", "go-live"\n' });
    const early = await cli("diff", source, "design-freeze", "go-live", "--as-of", "2026-03-20");
    expect(early).toMatchObject({ code: 2, stderr: 'handover diff: no baseline "go-live" in the log read; it holds "design-freeze"\n' });
    for (const argv of [["baseline", source], ["diff", source], ["diff", source, "a", "b", "c"], ["baseline", source, "go-live", "--as-of", "soon"]]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    if (kind === "sqlite") expect((await cli("baseline", "sqlite:/nonexistent/x.db", "go-live")).stderr).toBe("handover baseline: sqlite:/nonexistent/x.db: no such file\n");
  });
});
