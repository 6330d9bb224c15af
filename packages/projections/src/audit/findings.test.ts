import type { RecordedEvent } from "@handover/core";
import { describe, expect, it } from "vitest";
import { buildAndTest, enterSystemTest, register, startCrm } from "../fixtures/crm-story.js";
import { createScenario, people, policyWith, t, type Scenario } from "../fixtures/scenario.js";
import { auditFindings } from "./findings.js";
import type { AuditFinding } from "./finding.js";

const recordEverything = policyWith({
  rules: { ci_change_authorised: "record", segregation_of_duties: "record", approver_role: "record", release_changes_authorised: "record", release_tested: "record", signoff_readiness: "record", permission: "record", references_exist: "record" },
  processes: { incident: { mode: "record" }, solution_change: { mode: "record" }, release: { mode: "record" }, problem: { mode: "record" } },
});

const assess = (changeId: string, risk = "medium") => ({
  type: "change.assess",
  changeId,
  risk,
  impactSummary: "short outage",
  affectedCis: [],
  implementationPlan: "do it",
  testPlan: "check it",
  backOutPlan: "undo it",
});

function emergencyClosedUnreviewed(s: Scenario): void {
  s.change(people.requester, t(11), { type: "change.raise", changeId: "E-1", changeType: "emergency", scope: { level: "solution", ciIds: ["crm-db"] }, title: "hotfix" });
  s.change(people.assessor, t(11, "09:05"), assess("E-1", "low"));
  s.change(people.ecab, t(11, "09:10"), { type: "change.vote", changeId: "E-1", vote: "approve", comment: "go" });
  s.change(people.dev, t(11, "09:20"), { type: "change.start_implementation", changeId: "E-1" });
  s.change(people.dev, t(11, "09:40"), { type: "change.complete_implementation", changeId: "E-1", outcome: "successful" });
  s.change(people.assessor, t(11, "10:00"), { type: "change.review", changeId: "E-1", result: "successful", lessons: "fine" });
  // The decider refuses to close an emergency change before its retrospective review; history imported from elsewhere holds it.
  s.record({ streamId: "change-E-1", type: "change.closed", data: { changeId: "E-1", at: t(11, "11:00"), by: people.assessor }, meta: { actor: people.assessor, occurredAt: t(11, "11:00") } });
}

function untestedRelease(s: Scenario): void {
  s.release(people.rm, t(12), { type: "release.plan", releaseId: "R-1", version: "1.0", name: "first", changeIds: ["C-1", "C-9"], cis: [{ ciId: "crm-db", version: "16" }], backOutPlan: "redeploy 0.9" });
  s.release(people.rm, t(12, "09:10"), { type: "release.build", releaseId: "R-1", artifact: "crm-1.0.tgz", checksum: "abc" });
  s.release(people.rm, t(12, "09:20"), { type: "release.approve", releaseId: "R-1" });
  s.release(people.rm, t(12, "09:30"), { type: "release.deploy", releaseId: "R-1", environment: "production" });
}

function importedIncident(s: Scenario): void {
  const source = { system: "servicenow", line: 7, revision: 0, priority: 2, madeSla: true, openedAt: t(13), resolvedAt: null, closedAt: null };
  const meta = { actor: "import", occurredAt: t(13) };
  s.record({ streamId: "incident-INC9", type: "incident.logged", data: { incidentId: "INC9", at: t(13), by: "import", impact: 3, urgency: 3, priority: 5, major: false, source }, meta });
  s.record({
    streamId: "incident-INC9",
    type: "incident.resolved",
    data: { incidentId: "INC9", at: t(13, "10:00"), by: "import", resolutionCode: "", resolutionNotes: "", source: { ...source, revision: 1, deviation: 'cannot "resolve" while "new"' } },
    meta: { ...meta, occurredAt: t(13, "10:00") },
  });
}

function story(): RecordedEvent[] {
  const s = createScenario(recordEverything);
  startCrm(s, "initiation");
  register(s, "crm-db", "database", t(2));
  buildAndTest(s, ["crm-db"], 2, "09");
  s.incident(people.desk, t(2, "10:00"), { type: "incident.log", incidentId: "INC1", title: "slow", impact: 2, urgency: 2 });
  s.change(people.requester, t(3), { type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["crm-db"] }, title: "tune" });
  s.change(people.assessor, t(3, "09:10"), assess("C-1"));
  s.change(people.requester, t(3, "09:20"), { type: "change.vote", changeId: "C-1", vote: "approve", comment: "mine, but fine" });
  s.change(people.outsider, t(3, "09:30"), { type: "change.vote", changeId: "C-1", vote: "approve", comment: "sure" });
  enterSystemTest(s, t(4));
  s.project(people.pm, t(5), { type: "project.take_baseline", projectId: "crm", name: "go-live", kind: "production", scope: { kind: "all" } });
  s.ci(people.cm, t(6), { type: "ci.set_attribute", ciId: "crm-db", name: "version", value: "16" });
  emergencyClosedUnreviewed(s);
  untestedRelease(s);
  importedIncident(s);
  for (const phase of ["acceptance_test", "deployment"] as const) s.project(people.pm, t(14), { type: "project.enter_phase", projectId: "crm", phase });
  s.project(people.pm, t(14, "10:00"), { type: "project.request_transition", projectId: "crm" });
  s.project(people.outsider, t(14, "11:00"), { type: "project.sign_off_transition", projectId: "crm", overrideReason: "go-live date is fixed" }, {
    readiness: { ready: false, failing: [{ check: "open_incidents", explanation: "INC1 (priority 3) is open" }] },
  });
  return s.log();
}

describe("auditFindings", () => {
  const log = story();
  const result = auditFindings(log, recordEverything);
  const at = (type: string, occurredAt: string) => log.find((event) => event.type === type && event.meta.occurredAt === occurredAt)?.position;
  const found = (kind: AuditFinding["kind"]) => result.findings.filter((finding) => finding.kind === kind).map((finding) => [finding.entityId, finding.position, finding.source]);

  it("hands each finding to onFinding as its event is judged, in log order, keeping only the counts", () => {
    const streamed: AuditFinding[] = [];
    const positionsWhenTaken: number[] = [];
    let read = 0;
    const counting = log.map((event) => ({ ...event, get position() { read = Math.max(read, event.position); return event.position; } }));
    const lean = auditFindings(counting, recordEverything, { onFinding: (finding) => (streamed.push(finding), positionsWhenTaken.push(read)) });
    expect(streamed).toEqual(result.findings);
    expect(result.findings.length).toBeGreaterThan(5);
    expect(lean).toMatchObject({ findings: [], counts: result.counts, position: result.position });
    // Each finding was handed over before the log was read past its event's successor.
    streamed.forEach((finding, index) => expect(positionsWhenTaken[index]).toBeLessThanOrEqual(finding.position + 1));
  });

  it("finds processes started before their phase, by the project's phase at the time, recorded and replayed alike", () => {
    expect(found("process_before_phase")).toEqual([
      ["INC1", at("incident.logged", t(2, "10:00")), "both"],
      ["C-1", at("change.raised", t(3)), "both"],
    ]);
    expect(result.findings.find((finding) => finding.entityId === "INC1")?.message).toBe(
      "incident INC1: incident.logged: incident applies from system_test; the project is in initiation; enter system_test first, or set the policy's mode for incident to record",
    );
  });

  it("finds approvals by the requester and by someone without the CAB role, recorded and replayed alike", () => {
    expect(found("segregation_of_duties")).toEqual([["C-1", at("change.vote_cast", t(3, "09:20")), "both"], ["R-1", at("release.approved", t(12, "09:20")), "both"]]);
    expect(found("approver_role")).toEqual([
      ["C-1", at("change.vote_cast", t(3, "09:30")), "both"],
      ["R-1", at("release.approved", t(12, "09:20")), "both"],
      ["crm", at("project.transition_signed_off", t(14, "11:00")), "both"],
    ]);
  });

  it("finds a production CI changed without an authorised change", () => {
    expect(found("ci_change_unauthorised")).toEqual([["crm-db", at("configuration.attribute_set", t(6)), "both"]]);
    expect(result.findings.find((finding) => finding.kind === "ci_change_unauthorised")?.message).toBe(
      `CI crm-db attribute version set under change control (crm-db is in production scope) without an authorised change: no change is named; name an authorised change that names crm-db and whose window contains ${t(6)}`,
    );
  });

  it("finds an emergency change closed without its retrospective review", () => {
    expect(found("emergency_not_reviewed")).toEqual([["E-1", at("change.closed", t(11, "11:00")), "replay"]]);
  });

  it("finds a release approved and deployed to production without a passed test iteration, with changes not authorised", () => {
    expect(found("release_not_tested")).toEqual([
      ["R-1", at("release.approved", t(12, "09:20")), "both"],
      ["R-1", at("release.deployed", t(12, "09:30")), "both"],
    ]);
    expect(found("release_changes_unauthorised")).toEqual([
      ["R-1", at("release.approved", t(12, "09:20")), "both"],
      ["R-1", at("release.deployed", t(12, "09:30")), "both"],
    ]);
    expect(found("release_not_approved")).toEqual([]);
    expect(result.findings.find((finding) => finding.kind === "release_changes_unauthorised")?.message).toContain("not yet: C-9 (unknown)");
  });

  it("shows a sign-off made with an override while readiness failed, which the readiness rule allows", () => {
    expect(found("signoff_not_ready")).toEqual([]);
    const override = result.findings.find((finding) => finding.kind === "signoff_overridden");
    expect(override).toMatchObject({ entityId: "crm", source: "recorded", actor: people.outsider });
    expect(override?.rule).toBeUndefined();
    expect(override?.message).toBe('project crm: signed off with the override "go-live date is fixed" although readiness failed (open_incidents: INC1 (priority 3) is open)');
    expect(override?.evidence[0]).toBe(override?.position);
  });

  it("finds a sign-off an import recorded as ready while replay finds readiness failing", () => {
    const s = createScenario();
    startCrm(s);
    s.record({
      streamId: "project-crm",
      type: "project.transition_signed_off",
      data: { projectId: "crm", at: t(9), by: people.owner, readiness: { ready: true, failing: [] }, breaches: [] },
      meta: { actor: people.owner, occurredAt: t(9) },
    });
    expect(auditFindings(s.log(), s.policy).findings.map((finding) => finding.kind)).toEqual(["signoff_not_ready"]);
    const [finding] = auditFindings(s.log(), s.policy).findings;
    expect(finding).toMatchObject({ kind: "signoff_not_ready", source: "replay" });
    expect(finding?.message).toMatch(/^project crm: transition readiness does not pass \(production_baseline: project crm has no production baseline; /);
    expect(finding?.evidence).toEqual([finding?.position]);
    expect(finding?.recordedMessage).toBeUndefined();
  });

  it("finds the priority and lifecycle deviations an import carried", () => {
    expect(found("import_priority_deviation")).toEqual([["INC9", at("incident.logged", t(13)), "recorded"]]);
    expect(found("import_lifecycle_deviation")).toEqual([["INC9", at("incident.resolved", t(13, "10:00")), "recorded"]]);
    expect(result.findings.filter((finding) => finding.imported).map((finding) => finding.entityId)).toEqual(["INC9", "INC9"]);
  });

  it("counts by kind, and finds nothing in a log kept by the rules", () => {
    expect(result.counts).toMatchObject({ approver_role: 3, segregation_of_duties: 2, release_not_tested: 2 });
    const clean = createScenario();
    startCrm(clean, "initiation");
    register(clean, "crm-db", "database", t(2));
    enterSystemTest(clean, t(3));
    expect(auditFindings(clean.log(), policyWith()).findings).toEqual([]);
  });

  it("answers as of a time", () => {
    expect(auditFindings(log, recordEverything, { asOf: t(3, "23:00") }).findings.map((finding) => finding.kind)).toEqual([
      "process_before_phase",
      "process_before_phase",
      "segregation_of_duties",
      "approver_role",
    ]);
  });
});
