import type { ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { normalChange, standardChange } from "../story/changes.js";
import { recordBuild, setVersions } from "../story/deployments.js";
import type { IncidentSpec } from "../story/incident-spec.js";
import { incidentSteps } from "../story/incidents.js";

const { releaseManager: farah, changeManager: carla, configurationManager: ben, crmDeveloper: raj, problemManager: priya, serviceDesk: olga } = people;
const fromServiceDesk = { by: olga, triage: olga, response: { assigned: 10, started: 35 } } as const;

/** The incidents users report to the service desk during early life support. */
export const earlyLifeIncidents: readonly IncidentSpec[] = [
  {
    id: "INC-0063", logged: "2026-03-03 09:20", ...fromServiceDesk, caller: "regional sales manager North", title: "Sales dashboard shows yesterday's pipeline until about 10:00", impact: 2, urgency: 3, category: "reporting", ciIds: ["app-reporting"], to: ["Reporting & BI", raj],
    change: { at: "2026-03-07 07:45", changeId: "CHG-024", relation: "resolved_by" },
    end: { kind: "resolved", at: "2026-03-07 07:50", code: "fixed", notes: "Dashboard cache refreshed every 15 minutes (standard change CHG-024)", closed: "2026-03-09 09:40" },
  },
  {
    id: "INC-0064", logged: "2026-03-04 14:05", ...fromServiceDesk, caller: "customer service team lead", title: "Agents are logged out after 60 minutes while typing long case notes, and lose the note", impact: 2, urgency: 2, category: "integration", ciIds: ["app-crm-web", "if-sso"], to: ["CRM Development", raj],
    problem: { at: "2026-03-04 16:10", problemId: "PRB-005" },
    hold: { at: "2026-03-06 12:00", reason: "awaiting_problem", note: "Known error PRB-005: save drafts every 30 minutes until patch 2.0.2", resumed: "2026-03-12 08:30" },
    end: { kind: "resolved", at: "2026-03-12 09:00", code: "fixed", notes: "Patch 2.0.2 renews the session while a form is being edited" },
  },
  {
    id: "INC-0065", logged: "2026-03-05 11:30", ...fromServiceDesk, caller: "sales operations analyst", title: "Full national sales list export fails", impact: 3, urgency: 2, category: "reporting", ciIds: ["app-reporting"], to: ["Reporting & BI", raj],
    problem: { at: "2026-03-05 12:15", problemId: "PRB-003" },
    end: { kind: "resolved", at: "2026-03-05 13:00", code: "workaround", notes: "Exported by region as described in known error PRB-003; the analyst was shown how" },
  },
  {
    id: "INC-0066", logged: "2026-03-09 08:50", ...fromServiceDesk, caller: "marketing operations", title: "Consent confirmation e-mails show 'Orbit Test' as the sender name", impact: 3, urgency: 2, category: "integration", ciIds: ["if-email", "app-crm-api"], to: ["Integration", people.integrationDeveloper],
    change: { at: "2026-03-11 21:00", changeId: "CHG-025", relation: "resolved_by" },
    end: { kind: "resolved", at: "2026-03-11 21:40", code: "fixed", notes: "Sender name corrected in patch 2.0.2" },
  },
];

/**
 * Early life support (2 to 27 March 2026): the service desk logs what users report; a
 * dashboard setting is fixed by a standard change; a session problem becomes a known
 * error and is fixed by patch 2.0.2, deployed in the midweek maintenance window under a
 * normal change; the migration tooling is decommissioned once its job is done.
 */
export function earlyLifeSupport(els: ChapterAgenda): void {
  for (const incident of earlyLifeIncidents) incidentSteps(els, incident);
  els.does("2026-03-05 12:15", priya, { type: "problem.link_incident", problemId: "PRB-003", incidentId: "INC-0065" });
  sessionProblem(els);
  standardChange(els, {
    changeId: "CHG-024",
    templateId: "std-app-config",
    title: "Refresh the sales dashboard cache every 15 minutes",
    ciIds: ["app-reporting"],
    raised: { at: "2026-03-06 10:00", by: raj },
    delivery: {
      scheduled: { at: "2026-03-06 10:05", by: raj, window: ["2026-03-07 07:00", "2026-03-07 08:00"] },
      started: { at: "2026-03-07 07:00", by: raj },
      work: (work) => work.does("2026-03-07 07:15", raj, { type: "ci.set_attribute", ciId: "app-reporting", changeId: "CHG-024", name: "dashboardRefresh", value: "every 15 minutes" }),
      completed: { at: "2026-03-07 07:40", by: raj, notes: "Dashboard shows the pipeline within 15 minutes of a change" },
      reviewed: { at: "2026-03-09 09:30", by: carla, lessons: "Within the template" },
      closed: { at: "2026-03-09 09:35", by: carla },
    },
  });
  patchRelease(els);
  decommission(els);
}

function sessionProblem(els: ChapterAgenda): void {
  const problemId = "PRB-005";
  els.does("2026-03-04 16:00", priya, { type: "problem.log", problemId, title: "Sessions expire while agents edit long case notes", ciIds: ["app-crm-web", "if-sso"] });
  els.does("2026-03-04 16:05", priya, { type: "problem.investigate", problemId, investigator: raj });
  els.does("2026-03-04 16:10", priya, { type: "problem.link_incident", problemId, incidentId: "INC-0064" });
  els.does("2026-03-06 10:30", raj, { type: "problem.identify_root_cause", problemId, rootCause: "The web client does not renew the SAML session while a form is edited, and the identity provider ends idle sessions after 60 minutes" });
  els.does("2026-03-06 11:30", priya, { type: "problem.record_known_error", problemId, symptom: "Logged out after 60 minutes of typing; the unsaved note is lost", workaround: "Save the case note draft at least every 30 minutes (Save draft button); the service desk briefed all teams", ciIds: ["app-crm-web", "if-sso"] });
  els.does("2026-03-12 10:00", priya, { type: "problem.resolve", problemId, changeId: "CHG-025" });
  els.does("2026-03-13 10:00", priya, { type: "problem.close", problemId, code: "fix_applied", notes: "No session losses reported since patch 2.0.2" });
}

function patchRelease(els: ChapterAgenda): void {
  const releaseId = "REL-2.0.2";
  const changeId = "CHG-025";
  const apps = ["app-crm-web", "app-crm-api"];
  els.does("2026-03-06 11:30", farah, { type: "release.plan", releaseId, version: "2.0.2", name: "Orbit CRM 2.0.2 (early life support patch)", changeIds: [changeId], cis: apps.map((ciId) => ({ ciId, version: "2.0.2" })), backOutPlan: "Redeploy the 2.0.1 web and API packages from the artefact store (runbook 6.1)" });
  normalChange(els, {
    changeId,
    title: "Early life support patch 2.0.2: session keep-alive while editing; consent e-mail sender name",
    target: { level: "solution", ciIds: [...apps, "srv-app-prod-01", "srv-app-prod-02"] },
    raised: { at: "2026-03-06 11:00", by: farah },
    assessed: {
      at: "2026-03-06 14:00",
      by: carla,
      risk: "medium",
      impactSummary: "Rolling restart of both application servers; sessions survive behind the load balancer",
      implementationPlan: "Deploy 2.0.2 node by node, draining each from the load balancer",
      testPlan: "Staging iteration on 2.0.2; 90-minute idle edit test",
      backOutPlan: "Redeploy 2.0.1 web and API packages (runbook 6.1)",
    },
    votes: [
      { at: "2026-03-09 14:10", by: people.infrastructureLead, vote: "approve", comment: "Midweek window booked with the data centre" },
      { at: "2026-03-09 14:20", by: people.operationsManager, vote: "approve", comment: "Service desk briefed on the known error until then" },
    ],
    delivery: {
      scheduled: { at: "2026-03-09 15:00", by: carla, window: ["2026-03-11 20:00", "2026-03-11 22:30"] },
      started: { at: "2026-03-11 20:00", by: farah },
      work: (work) => {
        work.does("2026-03-11 20:30", farah, { type: "release.deploy", releaseId, environment: "production" });
        setVersions(work, "2026-03-11 20:40", farah, changeId, apps, "2.0.2");
      },
      completed: { at: "2026-03-11 21:50", by: farah, notes: "Both nodes on 2.0.2; 90-minute idle edit test passed in production" },
      reviewed: { at: "2026-03-13 14:30", by: carla, lessons: "Session behaviour belongs in the non-functional test plan" },
      closed: { at: "2026-03-13 14:35", by: carla },
    },
  });
  recordBuild(els, "2026-03-09 09:00", releaseId, "2.0.2");
  els.does("2026-03-09 10:00", people.testManager, { type: "release.start_test_iteration", releaseId, environment: "staging" });
  els.does("2026-03-10 16:00", people.testManager, { type: "release.pass_test_iteration", releaseId, notes: "Idle edit test of 90 minutes passed; regression pack green" });
  els.does("2026-03-10 16:30", carla, { type: "release.approve", releaseId, comment: "Tested in staging; change CHG-025 authorised" });
  els.does("2026-03-20 10:00", farah, { type: "release.close", releaseId });
}

function decommission(els: ChapterAgenda): void {
  const changeId = "CHG-026";
  const links = [
    ["doc-migration-plan", "documents", "app-migration"],
    ["req-data-migration", "documents", "app-migration"],
    ["app-migration", "depends_on", "db-migration-staging"],
    ["app-migration", "connects_to", "db-crm-prod"],
    ["db-migration-staging", "hosted_on", "srv-db-test-01"],
  ] as const;
  normalChange(els, {
    changeId,
    title: "Decommission the migration toolkit and the migration staging database",
    target: { level: "solution", ciIds: ["app-migration", "db-migration-staging", "doc-migration-plan", "req-data-migration"] },
    raised: { at: "2026-03-16 10:00", by: people.migrationDeveloper },
    assessed: { at: "2026-03-16 11:00", by: carla, risk: "low", impactSummary: "None: Siebel reference period ends on 7 March and the toolkit is idle", implementationPlan: "Wipe the staging database under the retention plan; remove the toolkit; update the CMDB", testPlan: "Wipe certificate; no scheduled job references the toolkit" },
    votes: [{ at: "2026-03-18 14:10", by: people.securityOfficer, vote: "approve", comment: "Staging data wiped under the retention plan (certificate DW-2026-031)" }],
    delivery: {
      scheduled: { at: "2026-03-18 15:00", by: carla, window: ["2026-03-18 20:00", "2026-03-18 22:00"] },
      started: { at: "2026-03-18 20:00", by: people.migrationDeveloper },
      work: (work) => {
        links.forEach(([ciId, relationship, targetCiId], index) => work.does(`2026-03-18 20:${String(10 + index * 2)}`, ben, { type: "ci.remove_relationship", ciId, changeId, relationship, targetCiId }));
        work.does("2026-03-18 20:30", ben, { type: "ci.retire", ciId: "app-migration", changeId });
        work.does("2026-03-18 20:32", ben, { type: "ci.retire", ciId: "db-migration-staging", changeId });
      },
      completed: { at: "2026-03-18 21:30", by: people.migrationDeveloper, notes: "Toolkit removed; staging database dropped; CMDB updated" },
      reviewed: { at: "2026-03-23 09:30", by: carla, lessons: "Plan the decommissioning of project tooling in the transition plan" },
      closed: { at: "2026-03-23 09:35", by: carla },
    },
  });
}
