import { writeFile } from "node:fs/promises";
import type { RecordedEvent } from "@handover/core";
import { processMetrics } from "@handover/projections";
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

interface MetricsJson {
  readonly source: string;
  readonly position: number;
  readonly period: { readonly from: string; readonly to: string; readonly weeks: readonly string[] };
  readonly change: { readonly raised: { readonly value: number; readonly evidence: readonly number[] }; readonly successScore: { readonly value: number } };
}

describeEachSource("handover metrics", (kind, write) => {
  it("prints each section's figures with its weekly trend and evidence, and the same JSON as the library", async () => {
    const source = await write("metrics", story);
    const text = await cli("metrics", source, "--as-of", "2026-03-26");
    expect(text).toMatchObject({ code: 0, stderr: "" });
    expect(text.stdout).toMatch(/^process metrics of .* at position \d+\nview: as of 2026-03-26T23:59:59\.999Z/);
    for (const heading of ["change management", "DORA's four keys", "incident management"]) expect(text.stdout).toContain(`\n${heading}\nfigure `);
    expect(text.stdout).toMatch(/\nchanges raised +\d+ +[▁-█·]+ +@\d+/);
    const json = JSON.parse((await cli("metrics", source, "--as-of", "2026-03-26", "--json")).stdout) as MetricsJson & Record<string, unknown>;
    const { source: _label, view: _view, checkpoint: _checkpoint, ...figures } = json;
    expect(figures).toEqual(JSON.parse(JSON.stringify(processMetrics(story, undefined, { asOf: "2026-03-26" }))));
    expect(json.change.raised.evidence.length).toBe(json.change.raised.value);
  });

  it("counts what falls between --from and --to, with the score's weights from a file", async () => {
    const source = await write("metrics_period", story);
    const weights = path(`weights-${kind}.json`);
    await writeFile(weights, JSON.stringify({ implementation: 1, incidentFree: 0, authorisedCiChanges: 0, reviews: 0, planned: 0 }));
    const run = await cli("metrics", source, "--from", "2026-03-02", "--to", "2026-03-08", "--weights", weights, "--json");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as MetricsJson;
    expect(json.period).toEqual({ from: "2026-03-02T00:00:00.000Z", to: "2026-03-08T23:59:59.999Z", weeks: ["2026-03-02"] });
    expect(json).toEqual(expect.objectContaining({ change: expect.objectContaining({ successScoreWeights: { implementation: 1, incidentFree: 0, authorisedCiChanges: 0, reviews: 0, planned: 0 } }) }));
  });
});

it("refuses bad times, a period that ends before it starts, bad weights and an unknown project, in one line each", async () => {
  const log = path("refusals.jsonl");
  const { writeJsonl } = await import("@handover/core");
  await writeJsonl(log, story);
  const weights = path("bad-weights.json");
  await writeFile(weights, JSON.stringify({ reviews: -1 }));
  const unknownPart = path("unknown-part.json");
  await writeFile(unknownPart, JSON.stringify({ speed: 1 }));
  const cases: [string[], RegExp][] = [
    [["--from", "yesterday"], /--from yesterday: expected a date \(2026-03-12: the start of that day, UTC\) or a date-time with a zone/],
    [["--from", "2026-03-10", "--to", "2026-03-01"], /--from 2026-03-10T00:00:00.000Z is after --to 2026-03-01T23:59:59.999Z/],
    [["--weights", weights], /--weights .*bad-weights.json: weights.reviews: Too small/],
    [["--weights", unknownPart], /--weights .*unknown-part.json: .*speed/],
    [["--weights", path("absent.json")], /no such file/],
    [["--project", "erp"], /unknown project "erp"; the log holds 1 project\(s\): crm/],
  ];
  for (const [argv, message] of cases) {
    const run = await cli("metrics", log, ...argv);
    expect(run.code, argv.join(" ")).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  }
});
