import { describe, expect, it } from "vitest";
import { buildAndTest, enterSystemTest, register, startCrm } from "../fixtures/crm-story.js";
import { createScenario, people, policyWith, t } from "../fixtures/scenario.js";
import { transitionReadiness } from "./transition-readiness.js";

function check(log: Parameters<typeof transitionReadiness>[0], name: string, asOf?: string) {
  return transitionReadiness(log as never[], "crm", asOf === undefined ? {} : { asOf }).checks.find((each) => each.name === name);
}

describe("readiness of the configuration", () => {
  const s = createScenario();
  startCrm(s, "initiation");
  register(s, "app", "application", t(2));
  buildAndTest(s, ["app"], 2, "11");
  register(s, "old-db", "database", t(2, "09:10"));
  s.ci(people.cm, t(2, "10:00"), { type: "ci.add_relationship", ciId: "app", relationship: "depends_on", targetCiId: "old-db" });
  for (const move of ["ci.start_development", "ci.start_test", "ci.put_into_production", "ci.retire"]) s.ci(people.cm, t(3), { type: move, ciId: "old-db" });
  // Imported history the deciders would refuse: a relationship to a CI never registered, and a CI without an owner.
  const meta = { actor: "import", occurredAt: t(4) };
  const common = { at: t(4), by: "import", changeControl: { required: false } };
  s.record({ streamId: "ci-app", type: "configuration.relationship_added", data: { ...common, ciId: "app", relationship: { type: "runs_on", targetCiId: "ghost" } }, meta });
  s.record({ streamId: "ci-orphan", type: "configuration.ci_registered", data: { ...common, ciId: "orphan", ciType: "server", name: "orphan", owner: "", attributes: {} }, meta });
  buildAndTest(s, ["orphan"], 4, "10");
  s.project(people.pm, t(5), { type: "project.take_baseline", projectId: "crm", name: "go-live", kind: "production", scope: { kind: "all" } });
  register(s, "late", "server", t(6));
  const log = s.log();
  const positionOf = (type: string, at: string, ciId: string) => log.findLast((event) => event.type === type && event.meta.occurredAt === at && (event.data as { ciId: string }).ciId === ciId)?.position;

  it("fails relationships that point at a retired or unknown CI, naming them", () => {
    expect(check(log, "relationships")).toEqual({
      name: "relationships",
      status: "fail",
      explanation: "2 relationships point at a retired or unknown CI: app depends_on old-db (retired), app runs_on ghost (not registered); remove them (ci.remove_relationship) or relate to a CI in service",
      evidence: [positionOf("configuration.ci_status_changed", t(3), "old-db"), positionOf("configuration.relationship_added", t(4), "app")].sort((a, b) => (a ?? 0) - (b ?? 0)),
    });
    expect(check(log, "relationships", t(2, "12:00"))?.status).toBe("pass");
  });

  it("fails a production CI without an owner", () => {
    expect(check(log, "ci_owners")).toMatchObject({ status: "fail", explanation: "1 production CI has no owner: orphan; hand each to an owner (ci.transfer_owner)" });
    expect(check(log, "ci_owners", t(4, "12:00"))?.status).toBe("pass");
  });

  it("fails when a CI in service is not in a production baseline", () => {
    expect(check(log, "production_baseline")).toMatchObject({
      status: "fail",
      explanation: "1 CI in service is not in a production baseline: late; take a production baseline that includes them once each is in test (a production baseline promotes only CIs in test or in production), or withdraw any that will not go live (ci.withdraw, from any status before production)",
      evidence: [positionOf("configuration.ci_registered", t(6), "late")],
    });
    expect(check(log, "production_baseline", t(5, "12:00"))?.status).toBe("pass");
  });
});

describe("readiness of the release in production", () => {
  it("fails a release in production that was never tested (approved and deployed in record mode)", () => {
    const s = createScenario(policyWith({ rules: { release_tested: "record" } }));
    startCrm(s, "initiation");
    register(s, "app", "application", t(1, "12:00"));
    enterSystemTest(s, t(1, "13:00"));
    s.change(people.requester, t(2), { type: "change.raise", changeId: "C-1", changeType: "standard", templateId: "std", scope: { level: "project", target: { kind: "requirement", id: "REQ-1" } }, title: "x" }, {
      facts: { policy: policyWith({ change: { standardCatalogue: [{ templateId: "std", title: "std", risk: "low", implementationPlan: "do", ciTypes: [] }] } }) },
    });
    s.release(people.rm, t(3), { type: "release.plan", releaseId: "R-1", version: "1.0", name: "first", changeIds: ["C-1"], cis: [{ ciId: "app", version: "1" }], backOutPlan: "restore" });
    s.release(people.rm, t(3, "10:00"), { type: "release.build", releaseId: "R-1", artifact: "a", checksum: "c" });
    s.release(people.assessor, t(3, "11:00"), { type: "release.approve", releaseId: "R-1" });
    s.release(people.rm, t(3, "12:00"), { type: "release.deploy", releaseId: "R-1", environment: "production" });
    const log = s.log();
    expect(check(log, "production_release")).toMatchObject({
      status: "fail",
      explanation: "release R-1 (version 1.0) in production: no test iteration has run on build 1; pass a test iteration on its latest build and document a back-out plan, or roll it back",
      evidence: [log.length],
    });
    s.release(people.rm, t(4), { type: "release.roll_back", releaseId: "R-1", reason: "untested" });
    expect(check(s.log(), "production_release")?.explanation).toMatch(/^no release is in production/);
  });
});
