import { steppingClock, toArray, type RecordedEvent } from "@handover/core";
import type { PolicyOverrides, Role } from "@handover/itil";
import { auditFindings } from "@handover/projections";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createHandover, type Handover } from "./create-handover.js";

const roles: Record<string, Role[]> = {
  ana: ["project_manager"],
  ben: ["configuration_manager"],
  carla: ["change_manager"],
  cai: ["cab_member"],
  dan: ["developer"],
  fay: ["release_manager"],
  tess: ["tester"],
  desk: ["service_desk"],
};

type Step = readonly [Parameters<Handover["execute"]>[0], string];

/** A project in system test with crm-db, and a normal change C-1 on it authorised by the CAB, scheduled for March. */
async function projectInSystemTest(policy: PolicyOverrides = {}): Promise<Handover> {
  const handover = createHandover({ clock: steppingClock("2026-03-02T09:00:00Z", 60_000), policy: { roles, ...policy }, readiness: async () => ({ ready: true, failing: [] }) });
  const steps: Step[] = [
    [{ type: "project.start", projectId: "crm", name: "CRM", manager: "ana" }, "ana"],
    [{ type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "ben" }, "ben"],
    [{ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, "ana"],
    [{ type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["crm-db"] }, title: "tune" }, "dan"],
    [{ type: "change.assess", changeId: "C-1", risk: "low", impactSummary: "short", affectedCis: ["crm-db"], implementationPlan: "p", testPlan: "t" }, "carla"],
    [{ type: "change.vote", changeId: "C-1", vote: "approve", comment: "go" }, "cai"],
    [{ type: "change.schedule", changeId: "C-1", window: { start: "2026-03-02T09:00:00Z", end: "2026-03-31T00:00:00Z" } }, "carla"],
  ];
  for (const [command, actor] of steps) await expectAccepted(handover, command, actor);
  return handover;
}

async function expectAccepted(handover: Handover, command: Step[0], actor: string): Promise<void> {
  const result = await handover.execute(command, { actor });
  if (isLeft(result)) throw new Error(`${command.type} by ${actor}: ${result.left.message}`);
}

async function refusal(handover: Handover, command: Readonly<Record<string, unknown>>, actor: string): Promise<{ code: string; message: string }> {
  const before = (await toArray(handover.log())).length;
  const result = await handover.executeUnknown(command, { actor });
  expect((await toArray(handover.log())).length).toBe(before);
  if (isRight(result)) throw new Error(`${String(command.type)} by ${actor} was accepted`);
  return result.left;
}

/** The log with every recorded breach stripped: what replay alone must find. */
async function stripped(handover: Handover): Promise<RecordedEvent[]> {
  return (await toArray(handover.log())).map((event) => ({ ...event, meta: { actor: event.meta.actor, occurredAt: event.meta.occurredAt } }));
}

describe("a permission for every state-changing step", () => {
  it("refuses a developer moving the project back from system test to build, naming the role", async () => {
    const handover = await projectInSystemTest();
    const refused = await refusal(handover, { type: "project.enter_phase", projectId: "crm", phase: "build", reason: "defects" }, "dan");
    expect(refused).toMatchObject({ code: "not_permitted", message: expect.stringContaining("project_phases needs the project_manager role") });
    expect(refused.message).toContain("dan, who holds developer");
  });

  it.each([
    ["a baseline by the release manager", { type: "project.take_baseline", projectId: "crm", name: "design", kind: "project", scope: { kind: "all" } }, "fay", "baselines"],
    ["incident work by a CAB member", { type: "incident.log", incidentId: "INC-1", title: "down", impact: 1, urgency: 1 }, "cai", "incident_work"],
    ["cancelling a change by a CAB member who did not request it", { type: "change.cancel", changeId: "C-1", reason: "not needed" }, "cai", "change_management"],
    ["a CI change by the service desk", { type: "ci.set_attribute", ciId: "crm-db", name: "tier", value: "gold", changeId: "C-1" }, "desk", "ci_changes"],
  ] as const)("refuses %s", async (_name, command, actor, permission) => {
    const handover = await projectInSystemTest();
    expect(await refusal(handover, command, actor)).toMatchObject({ code: "not_permitted", message: expect.stringContaining(`${permission} needs`) });
  });

  it("refuses production deployment and roll back by a developer, and takes them from the release manager", async () => {
    const handover = await projectInSystemTest();
    const release: Step[] = [
      [{ type: "change.start_implementation", changeId: "C-1" }, "dan"],
      [{ type: "release.plan", releaseId: "R-1", version: "1.0", name: "go-live", changeIds: ["C-1"], cis: [{ ciId: "crm-db", version: "1" }], backOutPlan: "restore" }, "fay"],
      [{ type: "release.build", releaseId: "R-1", artifact: "a.tgz", checksum: "x" }, "dan"],
      [{ type: "release.start_test_iteration", releaseId: "R-1", environment: "uat" }, "tess"],
      [{ type: "release.pass_test_iteration", releaseId: "R-1" }, "tess"],
      [{ type: "release.approve", releaseId: "R-1" }, "carla"],
    ];
    for (const [command, actor] of release) await expectAccepted(handover, command, actor);
    const toProduction = { type: "release.deploy", releaseId: "R-1", environment: "production" } as const;
    expect(await refusal(handover, toProduction, "dan")).toMatchObject({ code: "not_permitted", message: expect.stringContaining("release_deploy_production needs one of the roles release_manager, change_manager") });
    await expectAccepted(handover, toProduction, "fay");
    const rollBack = { type: "release.roll_back", releaseId: "R-1", reason: "errors" } as const;
    expect(await refusal(handover, rollBack, "dan")).toMatchObject({ code: "not_permitted", message: expect.stringContaining("release_rollback") });
    await expectAccepted(handover, rollBack, "fay");
  });

  it("in record mode accepts the step with the breach in its meta, and replay alone finds it", async () => {
    const handover = await projectInSystemTest({ rules: { permission: "record" } });
    const accepted = await handover.execute({ type: "project.enter_phase", projectId: "crm", phase: "build", reason: "defects" }, { actor: "dan" });
    expect(isRight(accepted) && accepted.right.events[0]?.meta.recordedBreaches).toEqual([{ rule: "permission", message: expect.stringContaining("project_phases needs") }]);
    const found = (await auditFindings(await stripped(handover), handover.policy)).findings;
    const position = isRight(accepted) ? accepted.right.positions[0] : -1;
    expect(found).toEqual([expect.objectContaining({ kind: "step_not_permitted", rule: "permission", position, source: "replay", actor: "dan" })]);
  });
});

describe("roles granted and revoked over time, as events", () => {
  it("takes a step once the project manager granted the role, and refuses it again once revoked", async () => {
    const handover = await projectInSystemTest();
    const log = { type: "incident.log", incidentId: "INC-1", title: "down", impact: 2, urgency: 2 } as const;
    expect((await refusal(handover, log, "cai")).code).toBe("not_permitted");
    await expectAccepted(handover, { type: "project.grant_role", projectId: "crm", actor: "cai", role: "service_desk", reason: "covers the desk this week" }, "ana");
    await expectAccepted(handover, log, "cai");
    await expectAccepted(handover, { type: "project.revoke_role", projectId: "crm", actor: "cai", role: "service_desk", reason: "week over" }, "ana");
    expect((await refusal(handover, { type: "incident.assign", incidentId: "INC-1", group: "ops" }, "cai")).code).toBe("not_permitted");
  });

  it("revokes a role the policy gave, and refuses revoking one not held", async () => {
    const handover = await projectInSystemTest();
    await expectAccepted(handover, { type: "project.revoke_role", projectId: "crm", actor: "ben", role: "configuration_manager", reason: "left the project" }, "ana");
    expect((await refusal(handover, { type: "ci.set_attribute", ciId: "crm-db", name: "tier", value: "gold", changeId: "C-1" }, "ben")).code).toBe("not_permitted");
    expect(await refusal(handover, { type: "project.revoke_role", projectId: "crm", actor: "ben", role: "tester", reason: "x" }, "ana")).toMatchObject({ code: "role_not_held", message: expect.stringContaining("ben does not hold tester") });
  });

  it("judges each step by the roles held when it was taken: a later grant does not excuse it, a later revocation does not condemn it", async () => {
    const handover = await projectInSystemTest({ rules: { permission: "record" } });
    await expectAccepted(handover, { type: "incident.log", incidentId: "INC-1", title: "down", impact: 2, urgency: 2 }, "cai");
    await expectAccepted(handover, { type: "incident.log", incidentId: "INC-2", title: "slow", impact: 3, urgency: 3 }, "desk");
    await expectAccepted(handover, { type: "project.grant_role", projectId: "crm", actor: "cai", role: "service_desk" }, "ana");
    await expectAccepted(handover, { type: "project.revoke_role", projectId: "crm", actor: "desk", role: "service_desk", reason: "moved on" }, "ana");
    const found = (await auditFindings(await stripped(handover), handover.policy)).findings.filter((finding) => finding.kind === "step_not_permitted");
    expect(found.map((finding) => [finding.entityId, finding.actor])).toEqual([["INC-1", "cai"]]);
  });

  it("refuses granting a role to oneself (segregation of duties), and only the project manager grants roles", async () => {
    const handover = await projectInSystemTest();
    expect(await refusal(handover, { type: "project.grant_role", projectId: "crm", actor: "ana", role: "service_owner" }, "ana")).toMatchObject({ code: "segregation_of_duties" });
    expect(await refusal(handover, { type: "project.grant_role", projectId: "crm", actor: "cai", role: "tester" }, "dan")).toMatchObject({ code: "not_permitted", message: expect.stringContaining("project_roles") });
  });
});

describe("segregation of duties reaches reviews", () => {
  it("refuses the post-implementation review from whoever implemented the change, and takes it from someone else", async () => {
    const handover = await projectInSystemTest({ roles: { ...roles, carla: ["change_manager", "developer"] } });
    await expectAccepted(handover, { type: "change.start_implementation", changeId: "C-1" }, "carla");
    await expectAccepted(handover, { type: "change.complete_implementation", changeId: "C-1", outcome: "successful" }, "carla");
    const review = { type: "change.review", changeId: "C-1", result: "successful", lessons: "none" } as const;
    expect(await refusal(handover, review, "carla")).toMatchObject({ code: "segregation_of_duties", message: expect.stringContaining("carla implemented this change and cannot review it") });
  });
});

describe("references must exist", () => {
  it.each([
    ["release.plan names a change the log does not hold", { type: "release.plan", releaseId: "R-1", version: "1", name: "r", changeIds: ["C-404"], cis: [{ ciId: "crm-db", version: "1" }] }, "fay", "change C-404 (changeIds[0])"],
    ["release.plan names a CI the CMDB does not hold", { type: "release.plan", releaseId: "R-1", version: "1", name: "r", changeIds: ["C-1"], cis: [{ ciId: "ghost", version: "1" }] }, "fay", "CI ghost (cis[0].ciId)"],
    ["an incident links a CI the CMDB does not hold", { type: "incident.link_ci", incidentId: "INC-1", ciId: "ghost" }, "desk", "CI ghost (ciId)"],
    ["an incident links a problem never logged", { type: "incident.link_problem", incidentId: "INC-1", problemId: "PRB-404" }, "desk", "problem PRB-404 (problemId)"],
    ["an incident links a change never raised", { type: "incident.link_change", incidentId: "INC-1", changeId: "C-404", relation: "caused_by" }, "desk", "change C-404 (changeId)"],
  ] as const)("refuses when %s", async (_name, command, actor, named) => {
    const handover = await projectInSystemTest();
    await expectAccepted(handover, { type: "incident.log", incidentId: "INC-1", title: "down", impact: 2, urgency: 2 }, "desk");
    expect(await refusal(handover, command, actor)).toMatchObject({ code: "unknown_reference", message: expect.stringContaining(named) });
  });

  it("refuses a failed test iteration naming an incident never logged", async () => {
    const handover = await projectInSystemTest();
    await expectAccepted(handover, { type: "release.plan", releaseId: "R-1", version: "1", name: "r", changeIds: ["C-1"], cis: [{ ciId: "crm-db", version: "1" }] }, "fay");
    await expectAccepted(handover, { type: "release.build", releaseId: "R-1", artifact: "a.tgz", checksum: "x" }, "dan");
    await expectAccepted(handover, { type: "release.start_test_iteration", releaseId: "R-1", environment: "uat" }, "tess");
    const failed = { type: "release.fail_test_iteration", releaseId: "R-1", failedCases: ["login"], incidentIds: ["INC-404"] } as const;
    expect(await refusal(handover, failed, "tess")).toMatchObject({ code: "unknown_reference", message: expect.stringContaining("incident INC-404 (incidentIds[0])") });
  });

  it("refuses completing a project-level change whose requirement was never registered, and accepts it once the requirement is a CI", async () => {
    // Registering REQ-7 in system test is a CI change under change control; recorded here, so the test stays on the reference.
    const handover = await projectInSystemTest({ rules: { ci_change_authorised: "record" } });
    const steps: Step[] = [
      [{ type: "change.raise", changeId: "C-7", changeType: "normal", scope: { level: "project", target: { kind: "requirement", id: "REQ-7" } }, title: "add REQ-7" }, "dan"],
      [{ type: "change.assess", changeId: "C-7", risk: "low", impactSummary: "s", affectedCis: [], implementationPlan: "p", testPlan: "t" }, "carla"],
      [{ type: "change.vote", changeId: "C-7", vote: "approve", comment: "go" }, "cai"],
      [{ type: "change.schedule", changeId: "C-7", window: { start: "2026-03-02T09:00:00Z", end: "2026-03-31T00:00:00Z" } }, "carla"],
      [{ type: "change.start_implementation", changeId: "C-7" }, "dan"],
    ];
    for (const [command, actor] of steps) await expectAccepted(handover, command, actor);
    const complete = { type: "change.complete_implementation", changeId: "C-7", outcome: "successful" } as const;
    expect(await refusal(handover, complete, "dan")).toMatchObject({ code: "unknown_reference", message: expect.stringContaining("CI REQ-7 (scope.target (requirement))") });
    await expectAccepted(handover, { type: "ci.register", ciId: "REQ-7", ciType: "requirement", name: "REQ-7 reporting", owner: "ben" }, "ben");
    await expectAccepted(handover, complete, "dan");
  });

  it("in record mode accepts the step and replay alone finds the missing reference", async () => {
    const handover = await projectInSystemTest({ rules: { references_exist: "record" } });
    await expectAccepted(handover, { type: "release.plan", releaseId: "R-1", version: "1", name: "r", changeIds: ["C-1", "C-404"], cis: [{ ciId: "crm-db", version: "1" }] }, "fay");
    const found = (await auditFindings(await stripped(handover), handover.policy)).findings.filter((finding) => finding.kind === "reference_missing");
    expect(found).toEqual([expect.objectContaining({ rule: "references_exist", source: "replay", entityId: "R-1", message: expect.stringContaining("change C-404") })]);
  });
});

describe("a baseline's promotion rule: which CI statuses each kind of baseline covers", () => {
  /** Project crm in initiation: crm-db still planned, crm-app built and in test. */
  async function oneCiInTest(): Promise<Handover> {
    const handover = createHandover({ clock: steppingClock("2026-03-02T09:00:00Z", 60_000), policy: { roles } });
    const steps: Step[] = [
      [{ type: "project.start", projectId: "crm", name: "CRM", manager: "ana" }, "ana"],
      [{ type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "ben" }, "ben"],
      [{ type: "ci.register", ciId: "crm-app", ciType: "application", name: "CRM app", owner: "ben" }, "ben"],
      [{ type: "ci.start_development", ciId: "crm-app" }, "ben"],
      [{ type: "ci.start_test", ciId: "crm-app" }, "ben"],
    ];
    for (const [command, actor] of steps) await expectAccepted(handover, command, actor);
    return handover;
  }
  const productionOf = (scope: { kind: "all" } | { kind: "types"; ciTypes: string[] } | { kind: "cis"; ciIds: string[] }) => ({ type: "project.take_baseline", projectId: "crm", name: "go-live", kind: "production", scope }) as const;

  it("refuses a production baseline that lists a CI still planned, naming it, its status and the statuses covered", async () => {
    const handover = await oneCiInTest();
    const refused = await refusal(handover, productionOf({ kind: "cis", ciIds: ["crm-app", "crm-db"] }), "ben");
    expect(refused).toMatchObject({ code: "unpromotable_ci", message: expect.stringContaining("a production baseline covers CIs in status in_test or in_production; crm-db (planned) is not") });
  });

  it("leaves CIs not yet in test out of a production baseline of every CI, and refuses one that would hold none", async () => {
    const handover = await oneCiInTest();
    expect(await refusal(handover, productionOf({ kind: "types", ciTypes: ["database"] }), "ben")).toMatchObject({ code: "empty_baseline", message: expect.stringContaining("no CI a production baseline covers (statuses in_test, in_production)") });
    const result = await handover.execute(productionOf({ kind: "all" }), { actor: "ben" });
    expect(isRight(result) && result.right.events[0]?.data).toMatchObject({ cis: [{ ciId: "crm-app" }] });
    const project = await handover.execute({ type: "project.take_baseline", projectId: "crm", name: "design", kind: "project", scope: { kind: "all" } }, { actor: "ben" });
    expect(isRight(project) && (project.right.events[0]?.data as { cis: { ciId: string }[] }).cis.map((ci) => ci.ciId)).toEqual(["crm-app", "crm-db"]);
  });

  it("finds by replay a production baseline in imported history that promoted a planned CI", async () => {
    const handover = await oneCiInTest();
    await expectAccepted(handover, productionOf({ kind: "cis", ciIds: ["crm-app"] }), "ben");
    const widened = (await stripped(handover)).map((event) =>
      event.type === "project.baseline_taken" ? { ...event, data: { ...(event.data as object), cis: [...(event.data as { cis: unknown[] }).cis, { ciId: "crm-db", ciType: "database", version: 1 }] } } : event,
    );
    const found = (await auditFindings(widened, handover.policy)).findings.filter((finding) => finding.kind === "baseline_ci_unpromotable");
    expect(found).toEqual([expect.objectContaining({ rule: "baseline_promotion", source: "replay", message: expect.stringContaining("crm-db (planned) is not") })]);
  });
});
