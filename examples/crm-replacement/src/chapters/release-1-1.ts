import type { ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { normalChange } from "../story/changes.js";
import { recordBuild, setVersions, testDeployment } from "../story/deployments.js";
import { systemTestIncidents } from "../data/system-test-incidents.js";
import { failedIteration } from "./test-iterations.js";

const { releaseManager: farah, changeManager: carla, testManager: liam } = people;
const apps = ["app-crm-web", "app-crm-api", "app-crm-batch", "app-reporting"];

/**
 * Release 1.1 (January 2026): the system test fixes (CHG-012), the performance settings of
 * the revised CHG-006 and the ERP adapter of CHG-010. Its regression iteration finds two
 * regressions caused by those changes; build 2 passes, and 1.1 goes to staging for UAT.
 */
export function releaseOneOne(test: ChapterAgenda): void {
  const releaseId = "REL-1.1";
  normalChange(test, {
    changeId: "CHG-012",
    title: "System test fixes for release 1.1",
    description: "Fixes of the deferred system test findings (INC-0026 to INC-0031) and the 1.0 regression pack.",
    target: { level: "solution", ciIds: apps },
    raised: { at: "2026-01-05 10:00", by: farah },
    assessed: {
      at: "2026-01-05 11:00",
      by: carla,
      risk: "medium",
      impactSummary: "Test environment unavailable for two hours; UAT starts on 1.1",
      implementationPlan: "Deploy 1.1.0 build 1 with the pipeline; run the regression pack",
      testPlan: "System test regression iteration on 1.1 before UAT",
      backOutPlan: "Redeploy 1.0.0 build 3 from the artefact store",
    },
    votes: [
      { at: "2026-01-06 14:10", by: people.infrastructureLead, vote: "approve", comment: "Deployment window agreed with the test team" },
      { at: "2026-01-06 14:20", by: people.operationsManager, vote: "approve", comment: "No operational impact" },
    ],
    delivery: {
      scheduled: { at: "2026-01-06 15:00", by: carla, window: ["2026-01-07 07:00", "2026-01-07 09:00"] },
      started: { at: "2026-01-07 07:00", by: farah },
      work: (work) => setVersions(work, "2026-01-07 07:40", farah, "CHG-012", apps, "1.1.0-b1"),
      completed: { at: "2026-01-07 08:30", by: farah, notes: "1.1.0 build 1 deployed; smoke suite green" },
      reviewed: { at: "2026-01-09 14:30", by: carla, lessons: "Regressions came from configuration changes bundled late; bundle them a week before the build" },
      closed: { at: "2026-01-09 14:35", by: carla },
    },
  });
  test.does("2026-01-06 10:00", farah, {
    type: "release.plan",
    releaseId,
    version: "1.1.0",
    name: "Orbit CRM 1.1 (UAT)",
    changeIds: ["CHG-006", "CHG-010", "CHG-012"],
    cis: apps.map((ciId) => ({ ciId, version: "1.1.0" })),
  });
  recordBuild(test, "2026-01-07 07:30", releaseId, "1.1.0-b1");
  failedIteration(test, { releaseId, number: 1, environment: "system-test", started: "2026-01-07 09:00", failed: "2026-01-08 12:00", incidents: systemTestIncidents });
  testDeployment(test, { changeId: "CHG-013", releaseId, version: "1.1.0-b2", raised: "2026-01-08 13:00", windowStart: "2026-01-08 15:30", ciIds: apps });
  test.does("2026-01-08 17:30", liam, { type: "release.start_test_iteration", releaseId, environment: "system-test" });
  test.does("2026-01-09 15:00", liam, { type: "release.pass_test_iteration", releaseId, notes: "Regression pack passed; PERF-02 p95 0.6 s at 250 users" });
  test.does("2026-01-09 16:00", carla, { type: "release.approve", releaseId, comment: "System test exit report 1.1 signed; ready for UAT" });
  test.does("2026-01-09 17:00", farah, { type: "release.deploy", releaseId, environment: "staging" });
  test.does("2026-02-16 10:30", farah, { type: "release.close", releaseId });
}
