import { systemTestIncidents } from "../data/system-test-incidents.js";
import type { Agenda, ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { normalChange } from "../story/changes.js";
import { recordBuild, setVersions, testDeployment } from "../story/deployments.js";
import { incidentSteps } from "../story/incidents.js";
import { onProject } from "../story/project.js";
import { releaseOneOne } from "./release-1-1.js";
import { systemTestChanges } from "./system-test-changes.js";
import { systemTestProblems } from "./system-test-problems.js";
import { failedIteration } from "./test-iterations.js";

const { projectManager, releaseManager: farah, changeManager: carla, testManager: liam } = people;
const releaseApps = ["app-crm-web", "app-crm-api", "app-crm-batch", "app-reporting", "app-migration"];

/**
 * System test (1 December 2025 to 9 January 2026): change control now applies to the
 * solution. Release 1.0 needs three builds: iterations 1 and 2 fail with the incidents the
 * testers log, iteration 3 passes; the release manager's own approval is refused, the
 * change manager approves, and 1.0 goes to staging. Release 1.1 carries the fixes and the
 * performance settings into UAT. Alongside: the changes of the test environment, a
 * rejected and revised change, a self-approval refused, a developer's attempt to move the
 * project back to build refused, a change refused in the year-end
 * freeze, a cancelled change, and two problems on their way to known errors.
 */
export function systemTestChapter(agenda: Agenda): void {
  const test = agenda.chapter("system test");
  test.does("2025-12-01 08:30", projectManager, { type: "project.enter_phase", ...onProject, phase: "system_test" });
  test.isRefused(
    "2025-12-05 17:00",
    people.crmDeveloper,
    { type: "project.enter_phase", ...onProject, phase: "build", reason: "Too many defects; back to build" },
    "not_permitted",
    "A developer tries to move the project back to build; only the project manager moves it between phases",
  );
  releaseOneZero(test);
  releaseOneOne(test);
  systemTestChanges(test);
  systemTestProblems(test);
  for (const incident of systemTestIncidents) incidentSteps(test, incident);
}

function releaseOneZero(test: ChapterAgenda): void {
  const releaseId = "REL-1.0";
  test.does("2025-12-01 09:12", farah, { type: "release.plan", releaseId, version: "1.0.0", name: "Orbit CRM 1.0 (system test)", changeIds: ["CHG-004"], cis: releaseApps.map((ciId) => ({ ciId, version: "1.0.0" })) });
  normalChange(test, {
    changeId: "CHG-004",
    title: "Introduce Orbit CRM 1.0 into the system test environment",
    target: { level: "solution", ciIds: releaseApps },
    raised: { at: "2025-12-01 09:10", by: farah },
    assessed: {
      at: "2025-12-01 09:30",
      by: carla,
      risk: "low",
      impactSummary: "Test environment only; no production impact",
      affectedCis: ["srv-app-test-01", "db-crm-test"],
      implementationPlan: "Deploy build 1 with the pipeline and run the smoke suite",
      testPlan: "System test cycle per the test strategy",
    },
    votes: [{ at: "2025-12-01 10:00", by: people.infrastructureLead, vote: "approve", comment: "Test environment capacity checked" }],
    delivery: {
      scheduled: { at: "2025-12-01 10:15", by: carla, window: ["2025-12-01 11:00", "2025-12-01 13:00"] },
      started: { at: "2025-12-01 11:00", by: farah },
      work: (work) => setVersions(work, "2025-12-01 11:20", farah, "CHG-004", releaseApps, "1.0.0-b1"),
      completed: { at: "2025-12-01 12:40", by: farah, notes: "Build 1 deployed; smoke suite green" },
      reviewed: { at: "2025-12-18 14:30", by: carla, lessons: "Three builds were needed: the interface mocks go into the pipeline smoke suite" },
      closed: { at: "2025-12-18 14:35", by: carla },
    },
  });
  recordBuild(test, "2025-12-01 12:30", releaseId, "1.0.0-b1");
  failedIteration(test, { releaseId, number: 1, environment: "system-test", started: "2025-12-02 08:30", failed: "2025-12-05 17:00", incidents: systemTestIncidents });
  testDeployment(test, { changeId: "CHG-007", releaseId, version: "1.0.0-b2", raised: "2025-12-08 16:00", windowStart: "2025-12-09 07:00", ciIds: ["app-crm-web", "app-crm-api", "app-crm-batch"] });
  failedIteration(test, {
    releaseId,
    number: 2,
    environment: "system-test",
    started: "2025-12-09 09:00",
    failed: "2025-12-12 16:30",
    incidents: systemTestIncidents,
    retests: [
      { testCase: "ST-OPP-022 stage probability (retest)", incidentId: "INC-0005" },
      { testCase: "ST-ACC-041 hierarchy view (retest)", incidentId: "INC-0015" },
    ],
  });
  test.isRefused("2025-12-15 07:10", liam, { type: "release.start_test_iteration", releaseId, environment: "system-test" }, "new_build_required", "Iteration 2 failed on build 2; the retest needs build 3, which the release manager has not recorded yet");
  testDeployment(test, { changeId: "CHG-009", releaseId, version: "1.0.0-b3", raised: "2025-12-12 17:00", windowStart: "2025-12-15 07:00", ciIds: ["app-crm-web", "app-crm-api", "app-crm-batch", "app-migration"] });
  test.does("2025-12-15 09:00", liam, { type: "release.start_test_iteration", releaseId, environment: "system-test" });
  test.does("2025-12-18 16:00", liam, { type: "release.pass_test_iteration", releaseId, notes: "All 412 system test cases passed; six cosmetic findings deferred to 1.1" });
  test.isRefused("2025-12-18 16:20", farah, { type: "release.approve", releaseId, comment: "Ready for UAT staging" }, "segregation_of_duties", "The release manager planned and built release 1.0 and cannot approve it");
  test.does("2025-12-18 16:40", carla, { type: "release.approve", releaseId, comment: "System test exit criteria met (test report 1.0)" });
  test.does("2025-12-19 09:00", farah, { type: "release.deploy", releaseId, environment: "staging" });
  test.does("2026-01-09 17:10", farah, { type: "release.close", releaseId });
}
