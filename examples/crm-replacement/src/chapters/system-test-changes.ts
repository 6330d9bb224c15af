import type { ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { assess, deliver, normalChange, raise, standardChange, vote, type Assessment } from "../story/changes.js";
import { instant, minutesAfter, nextWorkingDayAt, windowOf } from "../story/time.js";

const { changeManager: carla, configurationManager: ben, dba: victor, integrationDeveloper: tom, infrastructureLead: gita } = people;

/**
 * The changes of system test besides the releases' own: a test data refresh, the
 * performance settings rejected by the CAB and revised, a test server whose requester's
 * own vote is refused, an adapter upgrade refused in the year-end freeze, a cancelled
 * change, and the UAT data refresh.
 */
export function systemTestChanges(test: ChapterAgenda): void {
  dataRefresh(test, "CHG-005", "2025-12-01 13:30", "2025-12-01 14:00", "Siebel extract of 28 November, masked");
  poolSettings(test);
  secondTestServer(test);
  adapterUpgrade(test);
  cancelledSearchIndex(test);
  dataRefresh(test, "CHG-014", "2026-01-09 11:00", "2026-01-10 08:00", "Migration rehearsal 1 output of 8 January, masked");
}

function dataRefresh(test: ChapterAgenda, changeId: string, raised: string, windowStart: string, snapshot: string): void {
  const start = instant(windowStart);
  const later = (minutes: number) => minutesAfter(start, minutes);
  const reviewed = nextWorkingDayAt(start, "09:30");
  standardChange(test, {
    changeId,
    templateId: "std-test-data-refresh",
    title: "Refresh the test database from a masked extract",
    ciIds: ["db-crm-test"],
    raised: { at: raised, by: victor },
    delivery: {
      scheduled: { at: minutesAfter(instant(raised), 5), by: victor, window: [start, later(240)] },
      started: { at: start, by: victor },
      work: (work) => work.does(later(70), victor, { type: "ci.set_attribute", ciId: "db-crm-test", changeId, name: "dataSnapshot", value: snapshot }),
      completed: { at: later(100), by: victor, notes: "Restore and masking verification queries passed" },
      reviewed: { at: reviewed, by: carla, lessons: "Within the template; the refresh took 1 h 40 against 2 h planned" },
      closed: { at: minutesAfter(reviewed, 5), by: carla },
    },
  });
}

const poolAssessment = (at: string): Assessment => ({
  at,
  by: carla,
  risk: "medium",
  impactSummary: "API and database restart in the test environment (20 minutes)",
  affectedCis: ["srv-db-test-01"],
  implementationPlan: "Change application.yaml and postgresql.conf; rolling restart of the API",
  testPlan: "Re-run load profile PERF-01 and compare p95 response times",
  backOutPlan: "Restore the previous configuration files and restart",
});

function poolSettings(test: ChapterAgenda): void {
  const changeId = "CHG-006";
  raise(test, { changeId, title: "Raise the CRM API worker threads to 64 and the test database's connection limit to 400", target: { level: "solution", ciIds: ["app-crm-api", "db-crm-test"] }, raised: { at: "2025-12-03 11:00", by: tom } }, "normal");
  assess(test, changeId, poolAssessment("2025-12-03 13:00"));
  vote(test, changeId, [{ at: "2025-12-03 14:20", by: gita, vote: "reject", comment: "No evidence the pool is the bottleneck, and 400 connections would exhaust the test database host's memory. Bring the PERF-02 profile." }]);
  test.does("2025-12-08 10:00", tom, {
    type: "change.revise",
    changeId,
    reason: "PERF-02 attached: the pool saturates at 180 concurrent sessions; srv-db-test-01 has 64 GB since the upgrade, enough for 400 sessions",
    description: "Load profile PERF-02 shows API worker and connection pool saturation at 180 sessions; UAT needs 250.",
  });
  assess(test, changeId, poolAssessment("2025-12-08 11:00"));
  vote(test, changeId, [
    { at: "2025-12-10 14:10", by: gita, vote: "approve", comment: "PERF-02 shows the saturation; memory headroom confirmed" },
    { at: "2025-12-10 14:20", by: people.securityOfficer, vote: "approve", comment: "No security impact" },
  ]);
  deliver(test, changeId, {
    scheduled: { at: "2025-12-10 15:00", by: carla, window: ["2025-12-11 18:00", "2025-12-11 20:00"] },
    started: { at: "2025-12-11 18:00", by: tom },
    work: (work) => {
      work.does("2025-12-11 18:20", tom, { type: "ci.set_attribute", ciId: "app-crm-api", changeId, name: "workerThreads", value: 64 });
      work.does("2025-12-11 18:25", victor, { type: "ci.set_attribute", ciId: "db-crm-test", changeId, name: "max_connections", value: 400 });
    },
    completed: { at: "2025-12-11 19:30", by: tom, notes: "PERF-01 re-run: p95 from 1.8 s to 0.6 s at 250 users" },
    reviewed: { at: "2025-12-17 14:30", by: carla, lessons: "Capacity changes come to the CAB with their load test evidence" },
    closed: { at: "2025-12-17 14:35", by: carla },
  });
}

function secondTestServer(test: ChapterAgenda): void {
  const changeId = "CHG-008";
  raise(test, { changeId, title: "Add a second application server to the test pool for UAT load", target: { level: "solution", ciIds: ["srv-app-test-02"] }, raised: { at: "2025-12-10 09:00", by: gita } }, "normal");
  assess(test, changeId, {
    at: "2025-12-10 09:40",
    by: carla,
    risk: "low",
    impactSummary: "More test capacity for UAT; no production impact",
    implementationPlan: "Clone the orbtst01 template; join the test pool",
    testPlan: "Smoke suite against both nodes",
  });
  test.isRefused("2025-12-10 14:30", gita, { type: "change.vote", changeId, vote: "approve", comment: "Standard build, approved" }, "segregation_of_duties", "The infrastructure lead raised CHG-008 and cannot approve her own change, though she sits on the CAB");
  vote(test, changeId, [{ at: "2025-12-10 14:35", by: people.operationsManager, vote: "approve", comment: "UAT needs the capacity; the template is standard" }]);
  deliver(test, changeId, {
    scheduled: { at: "2025-12-10 15:10", by: carla, window: ["2025-12-12 07:00", "2025-12-12 12:00"] },
    started: { at: "2025-12-12 07:00", by: gita },
    work: (work) => {
      work.does("2025-12-12 07:30", ben, {
        type: "ci.register",
        ciId: "srv-app-test-02",
        changeId,
        ciType: "server",
        name: "Application server test 02 (system test and UAT)",
        owner: gita,
        attributes: { hostname: "orbtst02.dc-north.local", os: "RHEL 9.4", vcpu: 8, memoryGb: 32, environment: "test", datacentre: "DC-North" },
      });
      work.does("2025-12-12 08:15", ben, { type: "ci.start_development", ciId: "srv-app-test-02", changeId });
      work.does("2025-12-12 10:30", ben, { type: "ci.start_test", ciId: "srv-app-test-02", changeId });
      work.does("2025-12-12 10:35", ben, { type: "ci.add_relationship", ciId: "srv-app-test-02", changeId, relationship: "depends_on", targetCiId: "db-crm-test" });
    },
    completed: { at: "2025-12-12 11:00", by: gita, notes: "orbtst02 in the test pool; smoke suite green on both nodes" },
    reviewed: { at: "2025-12-17 14:40", by: carla, lessons: "Order test capacity with the UAT plan, not after it" },
    closed: { at: "2025-12-17 14:45", by: carla },
  });
}

function adapterUpgrade(test: ChapterAgenda): void {
  const changeId = "CHG-010";
  normalChange(test, {
    changeId,
    title: "Upgrade the ERP sync adapter to 7.3 (SOAP fault handling)",
    target: { level: "solution", ciIds: ["app-crm-batch", "if-erp-customer"] },
    raised: { at: "2025-12-16 10:00", by: tom },
    assessed: {
      at: "2025-12-16 11:00",
      by: carla,
      risk: "low",
      impactSummary: "ERP customer sync paused for 30 minutes in the test environment",
      implementationPlan: "Install adapter 7.3; replay the fault-injection suite",
      testPlan: "Integration tests IT-ERP-01 to IT-ERP-14",
    },
    votes: [{ at: "2025-12-17 14:10", by: people.securityOfficer, vote: "approve", comment: "Vendor security bulletin reviewed; 7.3 is the supported line" }],
  });
  test.isRefused("2025-12-17 15:00", carla, { type: "change.schedule", changeId, window: windowOf("2025-12-22 09:00", "2025-12-22 11:00") }, "schedule_conflict", "22 December falls in the year-end change freeze");
  deliver(test, changeId, {
    scheduled: { at: "2025-12-17 15:10", by: carla, window: ["2026-01-06 09:00", "2026-01-06 11:00"] },
    started: { at: "2026-01-06 09:00", by: tom },
    work: (work) => work.does("2026-01-06 09:30", tom, { type: "ci.set_attribute", ciId: "if-erp-customer", changeId, name: "adapterVersion", value: "7.3.0" }),
    completed: { at: "2026-01-06 10:40", by: tom, notes: "IT-ERP-01 to 14 passed in the test environment" },
    reviewed: { at: "2026-01-08 14:30", by: carla, lessons: "The adapter's stricter VAT validation caused INC-0033: vendor release notes go into the assessment" },
    closed: { at: "2026-01-08 14:35", by: carla },
  });
}

function cancelledSearchIndex(test: ChapterAgenda): void {
  const changeId = "CHG-011";
  raise(test, { changeId, title: "Enable full-text indexing of case notes", target: { level: "solution", ciIds: ["db-crm-test", "app-crm-api"] }, raised: { at: "2025-12-16 15:00", by: people.migrationDeveloper } }, "normal");
  assess(test, changeId, {
    at: "2025-12-17 10:00",
    by: carla,
    risk: "medium",
    impactSummary: "Index build of about 3 hours; case search unavailable meanwhile",
    implementationPlan: "Create the GIN index concurrently; switch the case search to it",
    testPlan: "Case search regression and load test",
    backOutPlan: "Drop the index and switch the search back",
  });
  test.does("2026-01-07 11:00", carla, { type: "change.cancel", changeId, reason: "Superseded: the platform's built-in search in 1.1 covers case notes; the CAB agreed on 17 December to wait for it" });
}
