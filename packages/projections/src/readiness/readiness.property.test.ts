import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { retrospectiveOutstanding } from "@handover/change";
import { createInMemoryEventStore, readJsonl, writeJsonl, type RecordedEvent } from "@handover/core";
import { registerEntry } from "@handover/incident";
import { isInProduction } from "@handover/release";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect } from "vitest";
import { arbitraryHandoverSteps, handoverLogOf } from "../fixtures/random-handover-log.js";
import { READINESS_CHECKS, resolveCriteria, type ReadinessCheckName } from "./criteria.js";
import { readinessVerdicts } from "./evaluate.js";
import { applyToReadiness, createReadinessState, type ReadinessState } from "./state.js";
import { readinessTimeline } from "./timeline.js";
import { transitionReadiness } from "./transition-readiness.js";

const OPEN = ["new", "assigned", "in_progress", "on_hold"];

/** The checks judged by scanning the whole history, with none of the readiness state's offender maps. */
function bruteForce(state: ReadinessState, log: readonly RecordedEvent[]): Record<ReadinessCheckName, boolean> {
  const { cmdb, aggregates } = state.history;
  const cis = [...cmdb.cis.values()];
  const inService = cis.filter((ci) => ci.status !== "retired");
  const incidents = [...aggregates.of("incident").values()].map((tracked) => tracked.state).filter((incident) => OPEN.includes(incident.status));
  const changes = [...aggregates.of("change").values()];
  const problems = [...aggregates.of("problem").values()].map((tracked) => tracked.state);
  const knownErrorFor = (incidentId: string, linked: readonly string[]) =>
    problems.some((problem) => problem.knownError !== null && (problem.incidentIds.includes(incidentId) || linked.includes(problem.problemId)));
  const project = aggregates.of("project").get("crm")?.state;
  const released = [...aggregates.of("release").values()].filter((tracked) => isInProduction(tracked.state));
  const entered = (releaseId: string) => log.find((event) => event.type === "release.deployed" && (event.data as { releaseId: string; environment: string }).releaseId === releaseId && (event.data as { environment: string }).environment === "production")?.position ?? 0;
  const current = released.sort((a, b) => entered(String(b.state.releaseId)) - entered(String(a.state.releaseId)))[0]?.state;
  const services = inService.filter((ci) => ci.ciType === "service");
  const resolved = [...aggregates.of("incident").values()].map((tracked) => tracked.state).filter((incident) => incident.status === "resolved" || incident.status === "closed");
  return {
    production_baseline: cmdb.baselines.some((baseline) => baseline.kind === "production" && baseline.projectId === "crm") && inService.every((ci) => ci.scope === "production"),
    major_incidents: incidents.every((incident) => incident.priority > 2),
    incident_workarounds: incidents.every((incident) => knownErrorFor(incident.incidentId, incident.problemIds)),
    changes_closed: changes.every((tracked) => tracked.state.status === "closed" || tracked.state.status === "cancelled"),
    emergency_changes_reviewed: changes.every((tracked) => retrospectiveOutstanding(tracked.state) === undefined),
    production_release: current !== undefined && current.backOutPlan !== undefined && current.iterations.at(-1)?.result === "passed" && current.iterations.at(-1)?.build === current.builds.at(-1)?.number,
    ci_owners: inService.filter((ci) => ci.scope === "production").every((ci) => ci.owner.trim() !== ""),
    relationships: inService.every((ci) => ci.relationships.every((relationship) => cmdb.cis.has(relationship.targetCiId) && cmdb.cis.get(relationship.targetCiId)?.status !== "retired")),
    service_levels: project !== undefined && Object.keys(project.serviceLevels).length > 0 && services.every((ci) => Object.hasOwn(project.serviceLevels, ci.ciId)),
    sla_performance: resolved.length === 0 || resolved.filter((incident) => registerEntry(incident, state.history.policy().sla, incident.resolvedAt ?? incident.closedAt ?? "").madeSla).length / resolved.length >= 0.9,
  };
}

const logs = arbitraryHandoverSteps.map(handoverLogOf);
const folder = mkdtempSync(join(tmpdir(), "handover-readiness-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

describe("readiness properties", () => {
  test.prop([logs], { numRuns: 40 })("after every event, each check's verdict equals a brute-force scan of the history", (log) => {
    const criteria = resolveCriteria();
    const state = createReadinessState();
    for (const event of log) {
      applyToReadiness(state, event);
      const verdicts = readinessVerdicts(state, "crm", criteria);
      const expected = bruteForce(state, log.slice(0, event.position));
      expect(Object.fromEntries(READINESS_CHECKS.map((name, index) => [name, verdicts[index] === "pass"])), `after position ${event.position}`).toEqual(expected);
    }
  });

  test.prop([logs.chain((log) => fc.tuple(fc.constant(log), fc.nat({ max: log.length }), fc.nat({ max: 200 })))], { numRuns: 25 })(
    "readiness and its timeline are the same whether the log is an array, a JSONL file read back, or a store",
    async ([log, position, minutes]) => {
      const path = join(folder, `log-${files++}.jsonl`);
      await writeJsonl(path, log);
      const store = createInMemoryEventStore();
      const imported = await store.importLog(log);
      expect(imported._tag).toBe("Right");
      const asOf = new Date(Date.parse("2026-03-02T00:00:00.000Z") + minutes * 60_000).toISOString();
      for (const options of [{ toPosition: position }, { asOf }, { knownAt: asOf, toPosition: position }]) {
        const fromArray = transitionReadiness(log, "crm", options);
        expect(await transitionReadiness(readJsonl(path), "crm", options)).toEqual(fromArray);
        expect(await transitionReadiness(store.readAll(), "crm", options)).toEqual(fromArray);
      }
      expect(await readinessTimeline(readJsonl(path), "crm")).toEqual(readinessTimeline(log, "crm"));
    },
  );
});
