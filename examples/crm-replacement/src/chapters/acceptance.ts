import { acceptanceIncidents } from "../data/acceptance-incidents.js";
import type { Agenda, ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { normalChange } from "../story/changes.js";
import { recordBuild, setVersions, testDeployment } from "../story/deployments.js";
import { incidentSteps } from "../story/incidents.js";
import { onProject } from "../story/project.js";
import { acceptanceChanges } from "./acceptance-changes.js";
import { goLivePreparation } from "./deployment.js";
import { resolveSystemTestProblems } from "./system-test-problems.js";
import { failedIteration } from "./test-iterations.js";

const { projectManager, releaseManager: farah, changeManager: carla, testManager: liam, problemManager: priya } = people;
const apps = ["app-crm-web", "app-crm-api", "app-crm-batch", "app-reporting"];

/**
 * User acceptance test (12 January to 13 February 2026): the business testers work on 1.1
 * in staging, then on the 2.0 release candidates. Release 2.0 fails its first UAT iteration
 * and passes on rc2; its approval is refused while the go-live change still waits for the
 * CAB, and given the day after. The report export problem becomes a known error that
 * operations will inherit; the system test problems are resolved by their changes.
 */
export function acceptanceChapter(agenda: Agenda): void {
  const uat = agenda.chapter("acceptance test");
  uat.does("2026-01-12 08:30", projectManager, { type: "project.enter_phase", ...onProject, phase: "acceptance_test" });
  acceptanceChanges(uat);
  releaseTwoZero(uat);
  goLivePreparation(uat);
  resolveSystemTestProblems(uat);
  exportProblem(uat);
  for (const incident of acceptanceIncidents) incidentSteps(uat, incident);
}

function releaseTwoZero(uat: ChapterAgenda): void {
  const releaseId = "REL-2.0";
  normalChange(uat, {
    changeId: "CHG-019",
    title: "UAT fixes and the case history index for release 2.0",
    description: "Fixes of the UAT findings on 1.1 and the index that resolves problem PRB-002.",
    target: { level: "solution", ciIds: [...apps, "db-crm-test"] },
    raised: { at: "2026-01-26 09:00", by: farah },
    assessed: {
      at: "2026-01-26 10:00",
      by: carla,
      risk: "medium",
      impactSummary: "Staging unavailable for two hours; the index build locks the case table for about 4 minutes",
      implementationPlan: "Deploy 2.0.0-rc1 with the pipeline; create index ix_case_account_created",
      testPlan: "UAT iteration on rc1 with the business scenarios",
      backOutPlan: "Redeploy 1.1.0 build 2; drop the index",
    },
    votes: [
      { at: "2026-01-28 14:10", by: people.infrastructureLead, vote: "approve", comment: "Index build timed on the rehearsal copy: 4 minutes" },
      { at: "2026-01-28 14:20", by: people.securityOfficer, vote: "approve", comment: "No security impact" },
    ],
    delivery: {
      scheduled: { at: "2026-01-28 15:00", by: carla, window: ["2026-01-29 07:00", "2026-01-29 09:00"] },
      started: { at: "2026-01-29 07:00", by: farah },
      work: (work) => {
        setVersions(work, "2026-01-29 07:40", farah, "CHG-019", apps, "2.0.0-rc1");
        work.does("2026-01-29 07:50", people.dba, { type: "ci.set_attribute", ciId: "db-crm-test", changeId: "CHG-019", name: "indexes", value: "ix_case_account_created" });
      },
      completed: { at: "2026-01-29 08:40", by: farah, notes: "rc1 deployed to staging; index built in 3 min 50 s" },
      reviewed: { at: "2026-02-04 14:30", by: carla, lessons: "Index changes go through the rehearsal copy first; it paid off" },
      closed: { at: "2026-02-04 14:35", by: carla },
    },
  });
  uat.does("2026-01-27 10:30", farah, { type: "release.plan", releaseId, version: "2.0.0", name: "Orbit CRM 2.0 (go-live)", changeIds: ["CHG-019", "CHG-020"], cis: apps.map((ciId) => ({ ciId, version: "2.0.0" })) });
  recordBuild(uat, "2026-01-29 07:30", releaseId, "2.0.0-rc1");
  failedIteration(uat, { releaseId, number: 1, environment: "uat", started: "2026-01-29 09:00", failed: "2026-02-03 17:00", incidents: acceptanceIncidents });
  testDeployment(uat, { changeId: "CHG-022", releaseId, version: "2.0.0-rc2", raised: "2026-02-04 13:00", windowStart: "2026-02-05 07:00", ciIds: apps });
  uat.does("2026-02-05 09:00", liam, { type: "release.start_test_iteration", releaseId, environment: "uat" });
  uat.does("2026-02-11 16:00", liam, { type: "release.pass_test_iteration", releaseId, notes: "UAT exit: 184 of 184 business scenarios passed; signed by the sales operations and customer service leads" });
  uat.isRefused("2026-02-11 16:10", carla, { type: "release.approve", releaseId, comment: "UAT passed" }, "changes_not_authorised", "The go-live change CHG-020 goes to the CAB tomorrow; a release is approved only when all its changes are authorised");
  uat.does("2026-02-12 16:00", carla, { type: "release.approve", releaseId, comment: "UAT exit signed and go-live change CHG-020 authorised" });
}

function exportProblem(uat: ChapterAgenda): void {
  const problemId = "PRB-003";
  uat.does("2026-01-21 10:15", priya, { type: "problem.log", problemId, title: "Pipeline export times out above 50,000 rows", ciIds: ["app-reporting", "db-reporting"] });
  uat.does("2026-01-21 10:20", priya, { type: "problem.investigate", problemId, investigator: people.crmDeveloper });
  uat.does("2026-01-21 10:30", priya, { type: "problem.link_incident", problemId, incidentId: "INC-0046" });
  uat.does("2026-01-27 16:00", people.crmDeveloper, { type: "problem.identify_root_cause", problemId, rootCause: "The reporting workspace renders the whole result in memory, and the BI platform caps one export at 50,000 rows" });
  uat.does("2026-01-28 11:00", priya, {
    type: "problem.record_known_error",
    problemId,
    symptom: "Exports of more than 50,000 rows time out after 120 s",
    workaround: "Export by region or by quarter (each under 50,000 rows); the data team provides full extracts from the reporting mart on request",
    ciIds: ["app-reporting", "db-reporting"],
  });
  uat.does("2026-02-09 14:00", priya, { type: "problem.link_incident", problemId, incidentId: "INC-0061" });
}
