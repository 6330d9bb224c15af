import { buildCis, consentRequirement, documentCis, requirementCis, serviceCis } from "../data/cis.js";
import type { Agenda, ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { assess, deliver, raise, vote } from "../story/changes.js";
import { setVersions } from "../story/deployments.js";
import { onProject } from "../story/project.js";
import { minutesAfter, on, windowOf } from "../story/time.js";

const { projectManager, releaseManager: farah, changeManager: carla, configurationManager: ben } = people;
const changeId = "CHG-020";

/** Every CI that goes live: all registered CIs, the second test server included. */
export const goLiveCis: readonly string[] = [...requirementCis, consentRequirement, ...documentCis, ...serviceCis, ...buildCis].map((ci) => ci.ciId).concat("srv-app-test-02");

/**
 * The go-live change, prepared during acceptance test: raised three weeks ahead, assessed
 * as high risk with a back-out plan, authorised by three CAB members, and scheduled into
 * the data centre's Saturday window after a Friday-evening start is refused.
 */
export function goLivePreparation(uat: ChapterAgenda): void {
  raise(uat, {
    changeId,
    title: "Go-live of Orbit CRM 2.0: production cutover from Siebel",
    description: "Cutover weekend 21 February: final delta migration, interface switch-over, load balancer and DNS to Orbit; Siebel read-only from Friday 18:00.",
    target: { level: "solution", ciIds: goLiveCis },
    raised: { at: "2026-01-27 10:00", by: farah },
  }, "normal");
  assess(uat, changeId, {
    at: "2026-02-04 10:00",
    by: carla,
    risk: "high",
    impactSummary: "CRM unavailable Saturday 06:00 to 20:00 (sales and service closed); Siebel stays read-only for 14 days",
    implementationPlan: "Cutover runbook 1.3: final delta migration, reconciliation sign-off, interface switch-over, smoke and business verification, go/no-go at 16:00",
    testPlan: "Dress rehearsal on 14 February (CHG-021); business verification scripts BV-01 to BV-22",
    backOutPlan: "Before the go/no-go: point the VIP back to Siebel and re-enable Siebel writes; after it: forward-fix only, with Siebel kept read-only as the reference for 14 days",
  });
  vote(uat, changeId, [
    { at: "2026-02-12 10:10", by: people.infrastructureLead, vote: "approve", comment: "Infrastructure and DR failover tested on 14 February's rehearsal plan" },
    { at: "2026-02-12 10:20", by: people.securityOfficer, vote: "approve", comment: "Penetration test findings closed" },
    { at: "2026-02-12 10:30", by: people.operationsManager, vote: "approve", comment: "Runbook, support model and hypercare rota accepted by operations" },
  ]);
  uat.isRefused("2026-02-12 11:00", carla, { type: "change.schedule", changeId, window: windowOf("2026-02-20 18:00", "2026-02-21 20:00") }, "schedule_conflict", "A Friday-evening start lies outside the data centre's maintenance windows for the production servers");
}

/**
 * Deployment (16 to 21 February 2026): 2.0 goes to staging, then on cutover Saturday to
 * production. The first production deployment is refused for want of a back-out plan on
 * the release; the release manager writes it down and deploys. Every CI is put into
 * production under the go-live change, and the production baseline is taken.
 */
export function deploymentChapter(agenda: Agenda): void {
  const deployment = agenda.chapter("deployment");
  const releaseId = "REL-2.0";
  deployment.does("2026-02-16 08:30", projectManager, { type: "project.enter_phase", ...onProject, phase: "deployment" });
  deployment.does("2026-02-16 10:00", farah, { type: "release.deploy", releaseId, environment: "staging" });
  deliver(deployment, changeId, {
    scheduled: { at: "2026-02-12 11:15", by: carla, window: ["2026-02-21 06:00", "2026-02-21 20:00"] },
    started: { at: "2026-02-21 06:00", by: farah },
    work: (work) => cutover(work, releaseId),
    completed: { at: "2026-02-21 19:00", by: farah, notes: "Go/no-go at 16:00 was go; business verification BV-01 to BV-22 passed; Siebel read-only" },
    reviewed: { at: "2026-02-25 14:30", by: carla, lessons: "Cutover finished 40 minutes early; lower the DNS TTL a week ahead next time" },
    closed: { at: "2026-02-25 14:35", by: carla },
  });
  deployment.does("2026-02-21 19:30", ben, { type: "project.take_baseline", ...onProject, name: "Production baseline 2.0 (go-live)", kind: "production", scope: { kind: "all" } });
}

function cutover(work: ChapterAgenda, releaseId: string): void {
  work.isRefused("2026-02-21 07:00", farah, { type: "release.deploy", releaseId, environment: "production" }, "back_out_plan_required", "Release 2.0 was planned without a back-out plan; production deployment needs one");
  work.does("2026-02-21 07:05", farah, {
    type: "release.document_back_out_plan",
    releaseId,
    backOutPlan: "Before the 16:00 go/no-go: restore the VIP to Siebel (runbook step 9.2) and re-enable Siebel writes; after it: forward-fix with hotfix builds, Siebel read-only as the reference for 14 days",
  });
  work.does("2026-02-21 07:10", farah, { type: "release.deploy", releaseId, environment: "production" });
  setVersions(work, "2026-02-21 07:20", farah, changeId, ["app-crm-web", "app-crm-api", "app-crm-batch", "app-reporting"], "2.0.0");
  work.does("2026-02-21 11:40", people.migrationDeveloper, { type: "ci.set_attribute", ciId: "db-crm-prod", changeId, name: "migratedRecords", value: "1.86M accounts, 6.31M contacts, 14.2M activities; 99.99% reconciled" });
  goLiveCis.forEach((ciId, index) => work.does(minutesAfter(on("2026-02-21 13:30"), index * 3), ben, { type: "ci.put_into_production", ciId, changeId }));
  work.does("2026-02-21 16:30", ben, { type: "ci.set_attribute", ciId: "doc-runbook", changeId, name: "version", value: "1.0" });
  work.does("2026-02-21 16:32", ben, { type: "ci.set_attribute", ciId: "doc-support-model", changeId, name: "version", value: "1.0" });
}
