import type { RecordedEvent } from "@handover/core";
import { defaultPolicy } from "@handover/itil";
import { assessControls, auditFindings, baseline, CONTROL_FRAMEWORKS, cmdbAsOf, diffBaselines, drift, incidentSummary, knownErrors, processMetrics, readinessTimeline, ruleOccasions } from "@handover/projections";
import { beforeAll, describe, expect, it } from "vitest";
import { projectStory } from "../fixtures/project-story.js";
import type { LogSource } from "../sources/log-source.js";
import type { OpenedLog } from "../sources/with-log.js";
import { replaySummary } from "../views/replay-summary.js";
import type { LogView } from "../views/view.js";
import { readReportData } from "./report-data.js";

let story: RecordedEvent[];
beforeAll(async () => {
  story = await projectStory();
});

/** An opened log over the story that counts its reads and the events they yielded. */
function countedLog(view: LogView) {
  const counts = { reads: 0, events: 0 };
  async function* events(): AsyncGenerator<RecordedEvent> {
    counts.reads += 1;
    for (const event of story) {
      counts.events += 1;
      yield event;
    }
  }
  const log: OpenedLog = { source: { spec: { kind: "jsonl", path: "story.jsonl", label: "story.jsonl" } } as unknown as LogSource, view, events, checkpoint: () => ({ size: 0, root: "", headHash: "" }) };
  return { log, counts };
}

async function* fromArray(events: readonly RecordedEvent[]): AsyncGenerator<RecordedEvent> {
  yield* events;
}

/** The pack's data as each projection answers it on its own read of the log. */
async function readSeparately(view: LogView, projectId: string) {
  const options = { ...view, policy: defaultPolicy };
  const summary = await replaySummary(fromArray(story), view, { ...options, projectId });
  const cmdb = await cmdbAsOf(story, { ...view });
  const findings = await auditFindings(story, defaultPolicy, { ...view, projectId });
  const taken = cmdb.baselines.filter((record) => record.projectId === projectId);
  const contentsOf = async (name: string | undefined) => {
    if (name === undefined) return null;
    const found = await baseline(story, name, { ...view, projectId });
    return found._tag === "Right" ? found.right : null;
  };
  const [last, before] = [await contentsOf(taken.at(-1)?.name), await contentsOf(taken.at(-2)?.name)];
  if (summary.readiness === null) throw new Error("the story's project did not start");
  return {
    summary,
    timeline: await readinessTimeline(story, projectId, options),
    cmdb,
    baseline: last === null ? null : { contents: last, drift: await drift(last, story, { ...view }), previous: before === null ? null : { contents: before, diff: diffBaselines(before, last) } },
    findings,
    incidents: await incidentSummary(story, { ...view, sla: summary.sla }),
    knownErrors: await knownErrors(story, { ...view }),
    metrics: await processMetrics(story, defaultPolicy, { ...view, projectId }),
    controls: { assessment: assessControls(CONTROL_FRAMEWORKS.iso20000, { findings, occasions: await ruleOccasions(story, view), readiness: summary.readiness }) },
  };
}

describe("the handover pack's data", () => {
  for (const view of [{}, { asOf: "2026-03-26T23:59:59.999Z" }, { knownAt: "2026-03-20T23:59:59.999Z" }] as LogView[]) {
    it(`is what each projection answers on its own, from three reads of the log instead of eleven (view ${JSON.stringify(view)})`, async () => {
      const { log, counts } = countedLog(view);
      const data = await readReportData(log, "crm", { ...view, policy: defaultPolicy }, "2026-04-01T00:00:00.000Z");
      expect(data).toBeDefined();
      expect(data).toMatchObject(await readSeparately(view, "crm"));
      expect(counts.reads).toBe(data?.baseline === null ? 2 : 3);
      expect(counts.events).toBeLessThanOrEqual(3 * story.length);
    });
  }

  it("is undefined for a project the log never started, after one read", async () => {
    const { log, counts } = countedLog({});
    expect(await readReportData(log, "no-such-project", { policy: defaultPolicy }, "2026-04-01T00:00:00.000Z")).toBeUndefined();
    expect(counts.reads).toBe(1);
  });
});
