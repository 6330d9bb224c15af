import { buildCis, documentCis, serviceCis } from "../data/cis.js";
import { buildRelationships } from "../data/relationships.js";
import type { Agenda, ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { normalChange } from "../story/changes.js";
import { incidentSteps } from "../story/incidents.js";
import { onProject } from "../story/project.js";
import { minutesAfter, on } from "../story/time.js";
import { moveAll, registerAll } from "./setup.js";

const { projectManager, configurationManager: ben, changeManager: carla } = people;

/**
 * Build (October and November 2025): the infrastructure, applications and interfaces are
 * registered and related; two project-level changes (a scope change that descopes archived
 * quotes from the migration, and a requirement change to the telephony vendor's connector)
 * go through the CAB; a developer logs a migration defect as an incident before system
 * test (the first deliberate breach, accepted because incidents run in record mode); the
 * release manager's early attempt to plan release 1.0 is refused by the phase gate; the
 * build ends with every CI in test and the "Build complete" baseline.
 */
export function buildChapter(agenda: Agenda): void {
  const build = agenda.chapter("build");
  build.does("2025-10-06 09:00", projectManager, { type: "project.enter_phase", ...onProject, phase: "build" });
  build.does("2025-10-06 09:05", projectManager, {
    type: "project.grant_role",
    ...onProject,
    actor: people.dba,
    role: "developer",
    reason: "The DBA joins the build team and implements the database work under change",
  });
  registerAll(build, "2025-10-06 10:00", buildCis, ben, 12);
  buildRelationships.forEach(([ciId, relationship, targetCiId], index) =>
    build.does(minutesAfter(on("2025-10-09 09:00"), index * 8), ben, { type: "ci.add_relationship", ciId, relationship, targetCiId }),
  );
  moveAll(build, "2025-10-13 09:00", buildCis.map((ci) => ci.ciId), "ci.start_development", 5);
  scopeChange(build);
  telephonyChange(build);
  build.does("2025-11-10 11:00", ben, { type: "ci.set_attribute", ciId: "app-migration", name: "version", value: "1.0.0" });
  build.does("2025-11-10 11:05", ben, { type: "ci.set_attribute", ciId: "db-migration-staging", name: "rehearsal", value: "dry run 1: 1.79M accounts, 6.0M contacts" });
  incidentSteps(build, {
    id: "INC-0001",
    logged: "2025-11-12 10:40",
    by: people.crmDeveloper,
    title: "Migration dry run 1: contact notes longer than 4,000 characters are truncated",
    impact: 2,
    urgency: 2,
    category: "data migration",
    ciIds: ["app-migration", "db-migration-staging"],
    loggedInBreach: "Logged during build, before incident management applies (system test); the policy runs the incident gate in record mode so migration defects from the dry runs are tracked",
    to: ["Data Migration", people.migrationDeveloper],
    end: { kind: "resolved", at: "2025-11-14 15:20", code: "fixed", notes: "The export streams notes as CLOBs; dry run 2 reconciles note lengths 100%", closed: "2025-11-17 10:00" },
  });
  build.isRefused(
    "2025-11-24 10:00",
    people.releaseManager,
    { type: "release.plan", releaseId: "REL-1.0", version: "1.0.0", name: "Orbit CRM 1.0 (system test)", changeIds: ["CHG-004"], cis: [{ ciId: "app-crm-web", version: "1.0.0" }] },
    "phase_gate",
    "Release management applies from system test; the project is still in build",
  );
  const inTest = [...documentCis, ...serviceCis, ...buildCis].map((ci) => ci.ciId);
  moveAll(build, "2025-11-26 09:00", inTest, "ci.start_test", 4);
  build.does("2025-11-28 15:00", people.configurationManager, { type: "project.take_baseline", ...onProject, name: "Build complete", kind: "project", scope: { kind: "all" } });
}

function scopeChange(build: ChapterAgenda): void {
  normalChange(build, {
    changeId: "CHG-002",
    title: "Descope the migration of closed quotes older than seven years",
    description: "Closed quotes from before 2018 are archived to the document management system instead of being migrated; sales operations confirmed read access there is enough.",
    target: { level: "project", target: { kind: "scope_item", id: "req-data-migration" } },
    raised: { at: "2025-10-20 10:00", by: projectManager },
    assessed: {
      at: "2025-10-21 09:30",
      by: carla,
      risk: "low",
      impactSummary: "Removes 1.1M archived quotes from the migration scope and about nine days of mapping and reconciliation",
      affectedCis: ["req-data-migration", "doc-migration-plan"],
      implementationPlan: "Update REQ-06 and the migration plan; export the archived quotes to the document management system",
      testPlan: "Reconciliation report excludes archived quotes; retrieval test in the document management system by sales operations",
    },
    votes: [{ at: "2025-10-22 14:15", by: people.salesOpsLead, vote: "approve", comment: "Sales operations signed off the retrieval test on 20 October" }],
    delivery: {
      scheduled: { at: "2025-10-22 16:00", by: carla, window: ["2025-10-23 09:00", "2025-10-31 17:00"] },
      started: { at: "2025-10-23 09:00", by: people.migrationDeveloper },
      work: (work) => {
        work.does("2025-10-23 11:00", ben, { type: "ci.set_attribute", ciId: "req-data-migration", changeId: "CHG-002", name: "excludedScope", value: "closed quotes before 2018 (archived to the DMS)" });
        work.does("2025-10-24 15:00", ben, { type: "ci.set_attribute", ciId: "doc-migration-plan", changeId: "CHG-002", name: "version", value: "0.2" });
      },
      completed: { at: "2025-10-30 16:00", by: people.migrationDeveloper, notes: "1,104,233 archived quotes exported to the DMS and indexed" },
      reviewed: { at: "2025-11-05 14:30", by: carla, lessons: "Retention rules belong in the migration scope from initiation" },
      closed: { at: "2025-11-05 14:35", by: carla },
    },
  });
}

function telephonyChange(build: ChapterAgenda): void {
  normalChange(build, {
    changeId: "CHG-003",
    title: "Replace the bespoke CTI adapter with the telephony vendor's SIP connector",
    description: "TelcoConnect withdraws support for the CTI adapter API in 2026; their SIP connector 4.2 is supported and cheaper to run.",
    target: { level: "project", target: { kind: "requirement", id: "req-telephony" } },
    raised: { at: "2025-10-27 11:00", by: people.architect },
    assessed: {
      at: "2025-10-28 10:00",
      by: carla,
      risk: "medium",
      impactSummary: "Two sprints of integration work move from the adapter to the connector; no change to the go-live date",
      affectedCis: ["req-telephony", "if-telephony", "doc-interface-spec"],
      implementationPlan: "Change REQ-08 and the interface control document; integrate connector 4.2 in sprint 6",
      testPlan: "Screen pop tests with TelcoConnect in system test",
      backOutPlan: "Keep the adapter build on a branch until connector 4.2 passes the integration test",
    },
    votes: [
      { at: "2025-10-29 14:10", by: people.infrastructureLead, vote: "approve", comment: "The connector is on the supported platform list" },
      { at: "2025-10-29 14:20", by: people.securityOfficer, vote: "approve", comment: "SIP over TLS meets the security baseline" },
    ],
    delivery: {
      scheduled: { at: "2025-10-29 16:00", by: carla, window: ["2025-11-03 09:00", "2025-11-14 17:00"] },
      started: { at: "2025-11-03 09:00", by: people.integrationDeveloper },
      work: (work) => {
        work.does("2025-11-03 10:00", ben, { type: "ci.set_attribute", ciId: "if-telephony", changeId: "CHG-003", name: "protocol", value: "SIP connector 4.2 (vendor)" });
        work.does("2025-11-03 10:05", ben, { type: "ci.set_attribute", ciId: "req-telephony", changeId: "CHG-003", name: "integration", value: "vendor SIP connector 4.2" });
        work.does("2025-11-04 09:30", ben, { type: "ci.set_attribute", ciId: "doc-interface-spec", changeId: "CHG-003", name: "version", value: "1.1" });
      },
      completed: { at: "2025-11-14 15:00", by: people.integrationDeveloper, notes: "Connector 4.2 integrated in the build; adapter branch kept until system test" },
      reviewed: { at: "2025-11-19 14:30", by: carla, lessons: "Vendor roadmap risks belong in the risk register at design, not in build" },
      closed: { at: "2025-11-19 14:35", by: carla },
    },
  });
}
