import { describe, expect, it } from "vitest";
import { handoverStory } from "../fixtures/handover-story.js";
import { createScenario, people, t } from "../fixtures/scenario.js";
import { startCrm } from "../fixtures/crm-story.js";
import { toSignOffReadiness, type Readiness } from "./evaluate.js";
import { readinessTimeline } from "./timeline.js";
import { transitionReadiness } from "./transition-readiness.js";

const log = handoverStory().log();
const positionOf = (type: string, at: string) => log.find((event) => event.type === type && event.meta.occurredAt === at)?.position;
const statuses = (readiness: Readiness) => Object.fromEntries(readiness.checks.map((check) => [check.name, check.status]));

describe("transitionReadiness", () => {
  it("passes every check once the baseline is taken and the incidents are resolved", () => {
    const readiness = transitionReadiness(log, "crm", { asOf: t(9, "12:00") });
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.map((check) => [check.name, check.status, check.explanation])).toEqual([
      ["production_baseline", "pass", 'production baseline "go-live" covers every CI in service'],
      ["major_incidents", "pass", "no open incident at priority 2 or higher"],
      ["incident_workarounds", "pass", "every open incident has a known error with a workaround"],
      ["changes_closed", "pass", "every change is closed or cancelled"],
      ["emergency_changes_reviewed", "pass", "every emergency change had its retrospective review, and none was rejected there without an answer"],
      ["production_release", "pass", "release R-1 (version 1.0) in production passed test iteration 1 on build 1 and has a back-out plan"],
      ["ci_owners", "pass", "every production CI in service has an owner"],
      ["relationships", "pass", "no relationship points at a retired or unknown CI"],
      ["service_levels", "pass", "service levels are agreed for crm-svc"],
      ["sla_performance", "warn", "1 of 1 resolved incidents breached their SLA (P2: 1 of 1): 0% met it, at least 90% must; review the service levels with the service owner, or staff the resolver groups before operations inherit them"],
    ]);
    expect(readiness.checks[0]?.evidence).toEqual([positionOf("project.baseline_taken", t(9))]);
    expect(readiness.checks[5]?.evidence).toEqual([positionOf("release.deployed", t(7, "18:00"))]);
  });

  it("measures SLA performance over resolved incidents: a warning by default, the share the criteria set, a failure when its severity says so", () => {
    const asOf = t(9, "12:00");
    const byDefault = transitionReadiness(log, "crm", { asOf });
    const sla = byDefault.checks.find((check) => check.name === "sla_performance");
    expect(sla).toMatchObject({ status: "warn", explanation: expect.stringMatching(/^1 of 1 resolved incidents breached their SLA \(P2: 1 of 1\): 0% met it, at least 90% must/) });
    expect(sla?.evidence).toHaveLength(1);
    expect(byDefault.ready).toBe(true);
    const lenient = transitionReadiness(log, "crm", { asOf, criteria: { slaAttainmentAtLeast: 0 } });
    expect(lenient.checks.find((check) => check.name === "sla_performance")).toMatchObject({ status: "pass", evidence: [] });
    const blocking = transitionReadiness(log, "crm", { asOf, criteria: { severities: { sla_performance: "fail" } } });
    expect(blocking.ready).toBe(false);
    expect(transitionReadiness(log, "crm", { asOf: t(1) }).checks.find((check) => check.name === "sla_performance")).toMatchObject({ status: "pass", explanation: "no incident has been resolved yet: no SLA performance to judge" });
    expect(() => transitionReadiness(log, "crm", { asOf, criteria: { slaAttainmentAtLeast: 1.5 } })).toThrow(RangeError);
  });

  it("says what is missing, with evidence, before the handover work is done", () => {
    const readiness = transitionReadiness(log, "crm", { asOf: t(4, "12:30") });
    expect(readiness.ready).toBe(false);
    const byName = Object.fromEntries(readiness.checks.map((check) => [check.name, check]));
    expect(byName.production_baseline?.explanation).toBe("project crm has no production baseline; take one (project.take_baseline, kind production) when its CIs are ready");
    expect(byName.major_incidents).toEqual({
      name: "major_incidents",
      status: "fail",
      explanation: "1 open incident at priority 2 or higher: INC1 (P2); resolve them, or reprioritise with a reason",
      evidence: [positionOf("incident.logged", t(4))],
    });
    expect(byName.incident_workarounds).toMatchObject({ status: "fail", explanation: "1 open incident has neither a workaround nor a known error: INC1; link each to a problem with a recorded known error, or resolve it" });
    expect(byName.production_release?.explanation).toBe("no release is in production; deploy the release to production (release.deploy) once its last test iteration passed");
    expect(byName.service_levels?.explanation).toBe("project crm has no agreed service levels; agree them with the service owner (project.agree_service_levels)");
    expect(statuses(transitionReadiness(log, "crm", { asOf: t(4, "13:30") })).incident_workarounds).toBe("pass");
  });

  it("names open changes and the CIs a production baseline does not cover", () => {
    const readiness = transitionReadiness(log, "crm", { asOf: t(5, "12:00") });
    const changes = readiness.checks.find((check) => check.name === "changes_closed");
    expect(changes?.explanation).toBe("1 change is neither closed nor deferred: C-1 (scheduled, not yet implemented); close or cancel them, or defer them explicitly");
    expect(statuses(transitionReadiness(log, "crm", { asOf: t(5, "12:00"), criteria: { deferredChanges: ["C-1"] } })).changes_closed).toBe("pass");
  });

  it("says an emergency change's state in words that agree with its waiting for the retrospective review", () => {
    const s = createScenario();
    startCrm(s);
    const change = (actor: string, at: string, json: Record<string, unknown>) => s.change(actor, at, { changeId: "C-9", ...json });
    change(people.requester, t(3, "09:00"), { type: "change.raise", changeType: "emergency", scope: { level: "solution", ciIds: ["db"] }, title: "Fix the outage" });
    change(people.assessor, t(3, "09:10"), { type: "change.assess", risk: "medium", impactSummary: "i", affectedCis: ["db"], implementationPlan: "p", testPlan: "t", backOutPlan: "b" });
    change(people.ecab, t(3, "09:20"), { type: "change.vote", vote: "approve", comment: "go" });
    change(people.dev, t(3, "09:30"), { type: "change.start_implementation" });
    change(people.dev, t(3, "10:00"), { type: "change.complete_implementation", outcome: "successful" });
    change(people.assessor, t(3, "11:00"), { type: "change.review", result: "successful", lessons: "l" });
    const byName = Object.fromEntries(transitionReadiness(s.log(), "crm").checks.map((check) => [check.name, check.explanation]));
    expect(byName.changes_closed).toBe("1 change is neither closed nor deferred: C-9 (post-implementation review held, not yet closed); close or cancel them, or defer them explicitly");
    expect(byName.emergency_changes_reviewed).toBe("1 emergency change waits for the retrospective CAB review: C-9; hold the review (change.vote by CAB members)");
    expect(byName.changes_closed).not.toMatch(/\(reviewed\)/);
  });

  it("flips back on a P1 incident, and criteria change what blocks", () => {
    const atP1 = transitionReadiness(log, "crm", { asOf: t(10, "12:00") });
    expect(atP1.ready).toBe(false);
    expect(toSignOffReadiness(atP1)).toEqual({
      ready: false,
      failing: [
        { check: "major_incidents", explanation: "1 open incident at priority 2 or higher: INC2 (P1); resolve them, or reprioritise with a reason" },
        { check: "incident_workarounds", explanation: "1 open incident has neither a workaround nor a known error: INC2; link each to a problem with a recorded known error, or resolve it" },
      ],
    });
    const warned = transitionReadiness(log, "crm", { asOf: t(10, "12:00"), criteria: { severities: { major_incidents: "warn", incident_workarounds: "warn" } } });
    expect(warned.ready).toBe(true);
    expect(statuses(warned)).toMatchObject({ major_incidents: "warn", incident_workarounds: "warn" });
    const fewer = transitionReadiness(log, "crm", { asOf: t(10, "12:00"), criteria: { checks: ["production_baseline", "major_incidents"], blockingPriority: 0 } });
    expect(fewer.checks.map((check) => [check.name, check.status])).toEqual([["production_baseline", "pass"], ["major_incidents", "pass"]]);
  });

  it("reports a project the log does not hold as not ready", () => {
    const other = transitionReadiness(log, "erp");
    expect(other.ready).toBe(false);
    expect(other.checks[0]?.explanation).toBe("project erp has not started in this log; start it and take a production baseline");
  });
});

describe("readinessTimeline", () => {
  const timeline = readinessTimeline(log, "crm");

  it("shows when the project first became ready and what flipped it back", () => {
    const ready = timeline.points.filter((point) => point.ready).map((point) => point.position);
    expect(timeline.firstReady).toBe(positionOf("project.baseline_taken", t(9)));
    expect(ready).toEqual([positionOf("project.baseline_taken", t(9)), positionOf("incident.resolved", t(11))]);
    const back = timeline.points.find((point) => point.position === positionOf("incident.logged", t(10)));
    expect(back).toMatchObject({ ready: false, flips: [{ check: "major_incidents", from: "pass", to: "fail" }, { check: "incident_workarounds", from: "pass", to: "fail" }] });
    expect(timeline.ready).toBe(true);
  });

  it("keeps only points where something changed, each with readiness equal to asking at that position", () => {
    for (const point of timeline.points) expect(point.readiness).toEqual(transitionReadiness(log, "crm", { toPosition: point.position }));
    const first = timeline.points[0];
    expect(first?.position).toBe(1);
    expect(first?.flips.every((flip) => flip.from === null)).toBe(true);
    timeline.points.slice(1).forEach((point) => expect(point.flips.length).toBeGreaterThan(0));
  });
});
