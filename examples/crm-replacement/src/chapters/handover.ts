import type { Agenda, ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { assess, deliver, raise, vote } from "../story/changes.js";
import { recordBuild } from "../story/deployments.js";
import { incidentSteps } from "../story/incidents.js";
import { onProject } from "../story/project.js";
import { earlyLifeSupport } from "./early-life-support.js";

const { projectManager, releaseManager: farah, changeManager: carla, integrationDeveloper: tom, problemManager: priya } = people;

/**
 * Handover (23 February to 31 March 2026): on the first Monday in production a P1 —
 * the ERP sync creates duplicate accounts. While the major incident runs, the DBA raises a
 * production database setting without a change (the second deliberate breach, accepted
 * and flagged because the rule runs in record mode). An emergency change with ECAB approval
 * ships hotfix 2.0.1; closing it before its retrospective CAB review is refused. The
 * project manager requests the transition. The service owner's first sign-off is refused:
 * readiness fails for want of service levels on svc-identity; she agrees them with the
 * identity team, the project manager's own attempt is refused for want of the role, and
 * she signs off. Early life support runs four weeks and the project closes.
 */
export function handoverChapter(agenda: Agenda): void {
  const handover = agenda.chapter("handover");
  majorIncident(handover);
  handover.breaks("2026-02-23 09:40", people.dba, { type: "ci.set_attribute", ciId: "db-crm-prod", name: "max_connections", value: 400 }, {
    finding: "ci_change_unauthorised",
    why: "The DBA raises a production database setting during the major incident without a change; ci_change_authorised runs in record mode, so it is accepted and flagged",
  });
  emergencyHotfix(handover);
  handover.does("2026-02-24 10:00", projectManager, { type: "project.request_transition", ...onProject, note: "Go-live on 21 February; hotfix 2.0.1 on 23 February; known error PRB-003 handed to operations with its workaround" });
  handover.isRefused("2026-02-25 16:00", people.serviceOwner, { type: "project.sign_off_transition", ...onProject }, "not_ready", "Readiness fails: svc-identity, a service the CRM depends on, has no agreed service levels; the service owner will not sign off without the identity team's OLA");
  handover.does("2026-02-26 10:00", people.serviceOwner, {
    type: "project.agree_service_levels",
    ...onProject,
    serviceLevels: [{ service: "svc-identity", availabilityPercent: 99.9, targets: { "1": { responseMinutes: 15, resolutionMinutes: 120 }, "2": { responseMinutes: 30, resolutionMinutes: 480 }, "3": { responseMinutes: 240, resolutionMinutes: 2880 } } }],
  });
  handover.isRefused("2026-02-26 09:30", projectManager, { type: "project.sign_off_transition", ...onProject }, "not_service_owner", "The project manager cannot accept the project's own deliverable into operation; only the service owner signs off");
  handover.does("2026-02-27 11:00", people.serviceOwner, { type: "project.sign_off_transition", ...onProject });
  handover.does("2026-03-02 09:00", projectManager, { type: "project.start_early_life_support", ...onProject });
  earlyLifeSupport(handover);
  handover.does("2026-03-27 15:00", farah, { type: "release.close", releaseId: "REL-2.0" });
  handover.does("2026-03-27 15:05", farah, { type: "release.close", releaseId: "REL-2.0.1" });
  handover.does("2026-03-27 16:00", projectManager, { type: "project.end_early_life_support", ...onProject });
  handover.does("2026-03-31 10:00", projectManager, { type: "project.close", ...onProject });
}

function majorIncident(handover: ChapterAgenda): void {
  incidentSteps(handover, {
    id: "INC-0062",
    logged: "2026-02-23 08:12",
    by: people.serviceDesk,
    caller: "jonas.weber (sales operations)",
    title: "Customer master sync is creating duplicate accounts in production",
    impact: 1,
    urgency: 1,
    category: "integration",
    ciIds: ["app-crm-batch", "if-erp-customer", "db-crm-prod"],
    triage: people.serviceDesk,
    response: { assigned: 4, started: 9 },
    to: ["Integration", tom],
    escalate: { at: "2026-02-23 08:30", level: "hierarchical", to: people.operationsManager, reason: "Major incident: 640 users see duplicate customers and sales order entry is blocked" },
    problem: { at: "2026-02-23 09:36", problemId: "PRB-004" },
    change: { at: "2026-02-23 10:06", changeId: "CHG-023", relation: "resolved_by" },
    end: { kind: "resolved", at: "2026-02-23 15:45", code: "fixed", notes: "Hotfix 2.0.1 (emergency change CHG-023) normalises VAT numbers before matching; the data team merged 312 duplicate accounts", closed: "2026-02-24 09:00" },
  });
  const problemId = "PRB-004";
  handover.does("2026-02-23 09:30", priya, { type: "problem.log", problemId, title: "Duplicate accounts created by the ERP customer master sync", ciIds: ["app-crm-batch", "if-erp-customer"] });
  handover.does("2026-02-23 09:35", priya, { type: "problem.investigate", problemId, investigator: tom });
  handover.does("2026-02-23 09:36", priya, { type: "problem.link_incident", problemId, incidentId: "INC-0062" });
  handover.does("2026-02-23 10:00", tom, { type: "problem.identify_root_cause", problemId, rootCause: "Production ERP sends VAT numbers with a country prefix and spaces; the sync's fuzzy match takes each format for a new customer" });
  handover.does("2026-02-23 10:10", priya, {
    type: "problem.record_known_error",
    problemId,
    symptom: "New duplicate accounts after every 15-minute customer sync",
    workaround: "Pause the customer sync job (runbook 4.3) and create urgent accounts by hand until the hotfix",
    ciIds: ["app-crm-batch", "if-erp-customer"],
  });
  handover.does("2026-02-24 11:00", priya, { type: "problem.resolve", problemId, changeId: "CHG-023" });
  handover.does("2026-02-26 10:00", priya, { type: "problem.close", problemId, code: "fix_applied", notes: "No duplicates in three days of production syncs" });
}

function emergencyHotfix(handover: ChapterAgenda): void {
  const changeId = "CHG-023";
  const releaseId = "REL-2.0.1";
  raise(handover, { changeId, title: "Hotfix 2.0.1: normalise VAT numbers in the ERP customer sync and switch off fuzzy matching", target: { level: "solution", ciIds: ["app-crm-batch", "if-erp-customer"] }, raised: { at: "2026-02-23 10:05", by: tom } }, "emergency");
  assess(handover, changeId, {
    at: "2026-02-23 10:15",
    by: carla,
    risk: "medium",
    impactSummary: "Customer sync paused for 30 minutes; no user-facing outage",
    affectedCis: ["db-crm-prod"],
    implementationPlan: "Deploy batch package 2.0.1; merge the duplicates with the data team's script",
    testPlan: "Replay Monday's ERP messages in staging; duplicates check query",
    backOutPlan: "Redeploy batch 2.0.0 and keep the sync paused",
  });
  vote(handover, changeId, [
    { at: "2026-02-23 10:30", by: people.infrastructureLead, vote: "approve", comment: "The fix is confined to the sync job" },
    { at: "2026-02-23 10:35", by: people.operationsManager, vote: "approve", comment: "Sales cannot work with duplicates; go" },
  ]);
  handover.does("2026-02-23 10:40", farah, { type: "release.plan", releaseId, version: "2.0.1", name: "Orbit CRM 2.0.1 (ERP sync hotfix)", changeIds: [changeId], cis: [{ ciId: "app-crm-batch", version: "2.0.1" }], backOutPlan: "Redeploy batch package 2.0.0 from the artefact store; the sync stays paused until fixed" });
  recordBuild(handover, "2026-02-23 11:30", releaseId, "2.0.1");
  handover.does("2026-02-23 11:45", people.testManager, { type: "release.start_test_iteration", releaseId, environment: "staging" });
  handover.does("2026-02-23 13:30", people.testManager, { type: "release.pass_test_iteration", releaseId, notes: "Replay of Monday's 4,180 ERP messages: no duplicates; IT-ERP-01 to 14 passed" });
  handover.does("2026-02-23 13:40", carla, { type: "release.approve", releaseId, comment: "ECAB-authorised hotfix, tested in staging" });
  deliver(handover, changeId, {
    scheduled: { at: "2026-02-23 10:45", by: carla, window: ["2026-02-23 14:00", "2026-02-23 16:00"] },
    started: { at: "2026-02-23 14:00", by: tom },
    work: (work) => {
      work.does("2026-02-23 14:20", farah, { type: "ci.set_attribute", ciId: "app-crm-batch", changeId, name: "version", value: "2.0.1" });
      work.does("2026-02-23 14:22", tom, { type: "ci.set_attribute", ciId: "if-erp-customer", changeId, name: "matching", value: "VAT numbers normalised; fuzzy matching off" });
      work.does("2026-02-23 14:25", farah, { type: "release.deploy", releaseId, environment: "production" });
    },
    completed: { at: "2026-02-23 15:30", by: tom, notes: "Sync resumed at 15:10; no new duplicates in two cycles" },
    reviewed: { at: "2026-02-24 11:30", by: carla, lessons: "Production ERP data differed from the test extract: VAT formats go into the test data set" },
  });
  handover.isRefused("2026-02-24 11:40", carla, { type: "change.close", changeId }, "retrospective_review_required", "An emergency change closes only after the CAB's retrospective review, due at Wednesday's CAB");
  vote(handover, changeId, [
    { at: "2026-02-25 14:00", by: people.securityOfficer, vote: "approve", comment: "Emergency justified: sales order entry was blocked" },
    { at: "2026-02-25 14:05", by: people.salesOpsLead, vote: "approve", comment: "Endorsed; the duplicate merge was checked by sales operations" },
  ]);
  handover.does("2026-02-25 14:20", carla, { type: "change.close", changeId });
}
