import { steppingClock, toArray, type RecordedEvent } from "@handover/core";
import type { PolicyOverrides, Role } from "@handover/itil";
import { auditFindings, baseline, compareBaselines, incidentSummary, knownErrors, transitionReadiness } from "@handover/projections";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createHandover, type Handover } from "./create-handover.js";

const roles: Record<string, Role[]> = {
  ana: ["project_manager"],
  ben: ["configuration_manager", "developer"],
  carla: ["change_manager"],
  cai: ["cab_member"],
  fay: ["release_manager"],
  tess: ["tester"],
  desk: ["service_desk"],
  pat: ["problem_manager"],
  eve: ["ecab_member"],
};

type Command = Readonly<Record<string, unknown>>;

/** A handover whose clock starts on 2 March 2026 at 09:00 and moves a minute per step; the project started by ana, crm-db registered. */
async function started(policy: PolicyOverrides = {}): Promise<Handover> {
  const handover = createHandover({ clock: steppingClock("2026-03-02T09:00:00Z", 60_000), policy: { roles, ...policy }, readiness: async () => ({ ready: true, failing: [] }) });
  await accept(handover, { type: "project.start", projectId: "crm", name: "CRM", manager: "ana" }, "ana");
  await accept(handover, { type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "ben" }, "ben");
  return handover;
}

async function accept(handover: Handover, command: Command, actor: string, occurredAt?: string): Promise<RecordedEvent[]> {
  const result = await handover.executeUnknown(command, { actor, ...(occurredAt === undefined ? {} : { occurredAt }) });
  if (isLeft(result)) throw new Error(`${String(command.type)} by ${actor}: ${result.left.message}`);
  return [...result.right.events];
}

async function refuse(handover: Handover, command: Command, actor: string, occurredAt?: string): Promise<{ code: string; message: string }> {
  const result = await handover.executeUnknown(command, { actor, ...(occurredAt === undefined ? {} : { occurredAt }) });
  if (isRight(result)) throw new Error(`${String(command.type)} by ${actor} was accepted`);
  return result.left;
}

const enter = (phase: string): Command => ({ type: "project.enter_phase", projectId: "crm", phase });

/** Raises, assesses, approves (one CAB vote) and schedules change C-1 on crm-db for March, at the level given. */
async function authorised(handover: Handover, level: "project" | "solution"): Promise<void> {
  const scope = level === "project" ? { level, target: { kind: "scope_item", id: "reporting" } } : { level, ciIds: ["crm-db"] };
  await accept(handover, { type: "change.raise", changeId: "C-1", changeType: "normal", scope, title: "reporting database" }, "ben");
  await accept(handover, { type: "change.assess", changeId: "C-1", risk: "low", impactSummary: "s", affectedCis: ["crm-db"], implementationPlan: "p", testPlan: "t" }, "carla");
  await accept(handover, { type: "change.vote", changeId: "C-1", vote: "approve", comment: "go" }, "cai");
  await accept(handover, { type: "change.schedule", changeId: "C-1", window: { start: "2026-03-02T00:00:00Z", end: "2026-03-31T00:00:00Z" } }, "carla");
}

const stripped = async (handover: Handover): Promise<RecordedEvent[]> =>
  (await toArray(handover.log())).map((event) => ({ ...event, meta: { actor: event.meta.actor, occurredAt: event.meta.occurredAt } }));

const edit: Command = { type: "ci.set_attribute", ciId: "crm-db", name: "tier", value: "gold", changeId: "C-1" };

describe("only a solution-level change authorises changes to CIs", () => {
  it("refuses a CI edit under an approved project-level change whose assessment names the CI", async () => {
    const handover = await started();
    await accept(handover, enter("system_test"), "ana");
    await authorised(handover, "project");
    expect(await refuse(handover, edit, "ben")).toMatchObject({ code: "change_not_authorised", message: expect.stringContaining("is a project-level change (on scope_item reporting)") });
  });

  it("in record mode accepts it with the breach, and replay alone finds it", async () => {
    const handover = await started({ rules: { ci_change_authorised: "record" } });
    await accept(handover, enter("system_test"), "ana");
    await authorised(handover, "project");
    const [event] = await accept(handover, edit, "ben");
    expect(event?.meta.recordedBreaches).toEqual([{ rule: "ci_change_authorised", message: expect.stringContaining("project-level change") }]);
    const found = (await auditFindings(await stripped(handover), handover.policy)).findings;
    expect(found).toEqual([expect.objectContaining({ kind: "ci_change_unauthorised", source: "replay", entityId: "crm-db" })]);
  });

  it("accepts the same edit under a solution-level change", async () => {
    const handover = await started();
    await accept(handover, enter("system_test"), "ana");
    await authorised(handover, "solution");
    expect(await accept(handover, edit, "ben")).toHaveLength(1);
  });
});

/** A release R-1 of change C-1, built, tested and approved. */
async function approvedRelease(handover: Handover): Promise<void> {
  await accept(handover, enter("system_test"), "ana");
  await authorised(handover, "solution");
  await accept(handover, { type: "release.plan", releaseId: "R-1", version: "1", name: "go-live", changeIds: ["C-1"], cis: [{ ciId: "crm-db", version: "1" }], backOutPlan: "restore" }, "fay");
  await accept(handover, { type: "release.build", releaseId: "R-1", artifact: "a.tgz", checksum: "x" }, "ben");
  await accept(handover, { type: "release.start_test_iteration", releaseId: "R-1", environment: "uat" }, "tess");
  await accept(handover, { type: "release.pass_test_iteration", releaseId: "R-1" }, "tess");
  await accept(handover, { type: "release.approve", releaseId: "R-1" }, "carla");
}

const toProduction: Command = { type: "release.deploy", releaseId: "R-1", environment: "production" };

describe("every authorisation a release depends on is checked again when it is deployed", () => {
  it("refuses production deployment once its only change was cancelled after the approval", async () => {
    const handover = await started();
    await approvedRelease(handover);
    await accept(handover, { type: "change.cancel", changeId: "C-1", reason: "descoped" }, "carla");
    expect(await refuse(handover, toProduction, "fay")).toMatchObject({ code: "changes_not_authorised", message: expect.stringContaining("deployment to production needs every change it bundles still authorised; no longer: C-1 (cancelled)") });
    expect(await refuse(handover, { ...toProduction, environment: "staging" }, "fay")).toMatchObject({ code: "changes_not_authorised" });
  });

  it("in record mode accepts the deployment with the breach, and replay alone finds it", async () => {
    const handover = await started({ rules: { release_changes_authorised: "record" } });
    await approvedRelease(handover);
    await accept(handover, { type: "change.cancel", changeId: "C-1", reason: "descoped" }, "carla");
    const [deployed] = await accept(handover, toProduction, "fay");
    expect(deployed?.meta.recordedBreaches).toEqual([{ rule: "release_changes_authorised", message: expect.stringContaining("no longer: C-1 (cancelled)") }]);
    const found = (await auditFindings(await stripped(handover), handover.policy)).findings;
    expect(found).toEqual([expect.objectContaining({ kind: "release_changes_unauthorised", source: "replay", entityId: "R-1", position: deployed?.position })]);
  });

  it("refuses production deployment outside every window of its changes, and accepts it inside one", async () => {
    const handover = await started();
    await approvedRelease(handover);
    expect(await refuse(handover, toProduction, "fay", "2026-04-02T10:00:00Z")).toMatchObject({ code: "outside_change_windows", message: expect.stringContaining("C-1 2026-03-02T00:00:00Z to 2026-03-31T00:00:00Z") });
    expect(await accept(handover, toProduction, "fay", "2026-03-20T10:00:00Z")).toHaveLength(1);
  });
});

describe("a solution-level change is raised and assessed ahead of its phase; its implementation waits", () => {
  it("raises and assesses one in design, refuses to start implementing it before system test, and starts it there", async () => {
    const handover = await started();
    await accept(handover, enter("design"), "ana");
    await authorised(handover, "solution");
    expect(await refuse(handover, { type: "change.start_implementation", changeId: "C-1" }, "ben")).toMatchObject({ code: "phase_gate", message: expect.stringContaining("solution_change applies from system_test; the project is in design") });
    await accept(handover, enter("system_test"), "ana");
    expect(await accept(handover, { type: "change.start_implementation", changeId: "C-1" }, "ben")).toHaveLength(1);
  });

  it("follows the policy's solutionChangesRaisedFrom", async () => {
    const handover = await started({ change: { solutionChangesRaisedFrom: "build" } });
    await accept(handover, enter("design"), "ana");
    const raise = { type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["crm-db"] }, title: "t" };
    expect(await refuse(handover, raise, "ben")).toMatchObject({ code: "phase_gate", message: expect.stringContaining("raising a solution_change applies from build") });
  });
});

describe("a known error is recorded as soon as a workaround exists", () => {
  it("records it before the root cause is found, and adds the root cause found later", async () => {
    const handover = await started();
    await accept(handover, enter("system_test"), "ana");
    await accept(handover, { type: "problem.log", problemId: "PRB-1", title: "slow search", ciIds: ["crm-db"] }, "pat");
    await accept(handover, { type: "problem.record_known_error", problemId: "PRB-1", symptom: "search takes 20 s", workaround: "search by number", ciIds: ["crm-db"] }, "pat");
    expect((await knownErrors(await toArray(handover.log()))).knownErrors).toEqual([expect.objectContaining({ problemId: "PRB-1", rootCause: null, workaround: "search by number" })]);
    await accept(handover, { type: "problem.identify_root_cause", problemId: "PRB-1", rootCause: "missing index" }, "pat");
    expect((await knownErrors(await toArray(handover.log()))).knownErrors).toEqual([expect.objectContaining({ problemId: "PRB-1", rootCause: "missing index", status: "known_error" })]);
  });
});

describe("the incident register judges SLAs by the policy the log records", () => {
  it("counts a P1 held five hours awaiting the caller as breached when the project pauses the clock only for vendors", async () => {
    const handover = createHandover({ clock: steppingClock("2026-03-02T09:00:00Z", 60_000), policy: { roles } });
    const at = (clock: string) => `2026-03-02T${clock}:00Z`;
    await accept(handover, { type: "project.start", projectId: "crm", name: "CRM", manager: "ana", policy: { sla: { pausingReasons: ["awaiting_vendor"] } } }, "ana", at("08:00"));
    await accept(handover, enter("system_test"), "ana", at("08:10"));
    await accept(handover, { type: "incident.log", incidentId: "INC-1", title: "down", impact: 1, urgency: 1 }, "desk", at("09:00"));
    await accept(handover, { type: "incident.assign", incidentId: "INC-1", group: "ops" }, "desk", at("09:05"));
    await accept(handover, { type: "incident.start_work", incidentId: "INC-1" }, "desk", at("09:10"));
    await accept(handover, { type: "incident.put_on_hold", incidentId: "INC-1", reason: "awaiting_caller" }, "desk", at("09:20"));
    await accept(handover, { type: "incident.resume", incidentId: "INC-1" }, "desk", at("14:20"));
    await accept(handover, { type: "incident.resolve", incidentId: "INC-1", resolutionCode: "fixed", resolutionNotes: "n" }, "desk", at("14:30"));
    const log = await toArray(handover.log());
    expect((await incidentSummary(log)).register).toEqual([expect.objectContaining({ number: "INC-1", madeSla: false })]);
    // Under ITIL's default pausing reasons the caller's five hours would not count.
    expect((await incidentSummary(log, { sla: { ...handover.policy.sla, pausingReasons: ["awaiting_caller", "awaiting_vendor"] } })).register).toEqual([expect.objectContaining({ madeSla: true })]);
  });
});

describe("a post-implementation review agrees with the implementation's outcome, or explains the difference", () => {
  /** C-1 authorised, implemented, and its implementation failed. */
  async function failedImplementation(): Promise<Handover> {
    const handover = await started();
    await accept(handover, enter("system_test"), "ana");
    await authorised(handover, "solution");
    await accept(handover, { type: "change.start_implementation", changeId: "C-1" }, "ben");
    await accept(handover, { type: "change.complete_implementation", changeId: "C-1", outcome: "failed" }, "ben");
    return handover;
  }
  const review = { type: "change.review", changeId: "C-1", result: "successful", lessons: "none" };

  it("refuses a failed implementation reviewed as successful, naming the results that agree", async () => {
    const handover = await failedImplementation();
    expect(await refuse(handover, review, "carla")).toMatchObject({ code: "review_contradicts_outcome", message: expect.stringContaining("reviewed as successful although its implementation ended failed; review it as unsuccessful or partially_successful") });
  });

  it("accepts it with the explanation, and replay finds the contradiction in history that lost it", async () => {
    const handover = await failedImplementation();
    const [reviewed] = await accept(handover, { ...review, explanation: "the failure was in a script step; the benefit was delivered by hand" }, "carla");
    expect(reviewed?.data).toMatchObject({ result: "successful", explanation: expect.stringContaining("script step") });
    const withoutExplanation = (await stripped(handover)).map((event) => (event.type === "change.reviewed" ? { ...event, data: { ...(event.data as object), explanation: undefined } } : event));
    const found = (await auditFindings(withoutExplanation, handover.policy)).findings;
    expect(found).toEqual([expect.objectContaining({ kind: "review_contradicts_outcome", rule: "review_consistent", source: "replay", position: reviewed?.position })]);
  });
});

describe("a rejected retrospective review is a finding, and fails readiness until the project answers it", () => {
  /** Emergency change E-1 authorised by the ECAB, implemented, and rejected by the CAB in its retrospective review. */
  async function rejectedEmergency(): Promise<Handover> {
    const handover = await started();
    await accept(handover, enter("system_test"), "ana");
    await accept(handover, { type: "change.raise", changeId: "E-1", changeType: "emergency", scope: { level: "solution", ciIds: ["crm-db"] }, title: "hotfix" }, "ben");
    await accept(handover, { type: "change.assess", changeId: "E-1", risk: "low", impactSummary: "s", affectedCis: [], implementationPlan: "p", testPlan: "t" }, "carla");
    await accept(handover, { type: "change.vote", changeId: "E-1", vote: "approve", comment: "go" }, "eve");
    await accept(handover, { type: "change.start_implementation", changeId: "E-1" }, "ben");
    await accept(handover, { type: "change.complete_implementation", changeId: "E-1", outcome: "successful" }, "ben");
    await accept(handover, { type: "change.vote", changeId: "E-1", vote: "reject", comment: "this was no emergency" }, "cai");
    return handover;
  }
  const check = async (handover: Handover) => transitionReadiness(await toArray(handover.log()), "crm").checks.find((each) => each.name === "emergency_changes_reviewed");

  it("finds the rejection, and fails emergency_changes_reviewed naming the answer it needs", async () => {
    const handover = await rejectedEmergency();
    const log = await toArray(handover.log());
    expect(log.at(-1)?.data).toMatchObject({ verdict: "rejected" });
    const found = (await auditFindings(log, handover.policy)).findings;
    expect(found).toEqual([expect.objectContaining({ kind: "emergency_rejected", entityId: "E-1", position: log.at(-1)?.position })]);
    expect(await check(handover)).toMatchObject({ status: "fail", explanation: expect.stringContaining("1 emergency change was rejected in the retrospective review and not answered: E-1") });
  });

  it("passes once the rejection is accepted with its reason, and refuses a second answer", async () => {
    const handover = await rejectedEmergency();
    await accept(handover, { type: "change.answer_rejection", changeId: "E-1", acceptedReason: "the CAB's point is taken; the hotfix stays and the runbook changes" }, "carla");
    expect(await check(handover)).toMatchObject({ status: "pass" });
    expect(await refuse(handover, { type: "change.answer_rejection", changeId: "E-1", acceptedReason: "again" }, "carla")).toMatchObject({ code: "not_rejected" });
  });

  it("takes a follow-up change the log holds, and refuses one it does not, or an answer with neither or both", async () => {
    const handover = await rejectedEmergency();
    expect(await refuse(handover, { type: "change.answer_rejection", changeId: "E-1", followUpChangeId: "C-404" }, "carla")).toMatchObject({ code: "unknown_reference" });
    expect(await refuse(handover, { type: "change.answer_rejection", changeId: "E-1" }, "carla")).toMatchObject({ code: "answer_required" });
    await authorised(handover, "solution");
    await accept(handover, { type: "change.answer_rejection", changeId: "E-1", followUpChangeId: "C-1" }, "carla");
    expect(await check(handover)).toMatchObject({ status: "pass" });
  });
});

describe("a CI that never reaches production is withdrawn, and no longer counts as in service", () => {
  it("takes uat-srv out of the production_baseline check once withdrawn; the check's advice names that step", async () => {
    const handover = await started();
    await accept(handover, { type: "ci.register", ciId: "uat-srv", ciType: "server", name: "UAT server", owner: "ben" }, "ben");
    await accept(handover, { type: "ci.start_development", ciId: "uat-srv" }, "ben");
    for (const type of ["ci.start_development", "ci.start_test"]) await accept(handover, { type, ciId: "crm-db" }, "ben");
    await accept(handover, { type: "project.take_baseline", projectId: "crm", name: "go-live", kind: "production", scope: { kind: "cis", ciIds: ["crm-db"] } }, "ben");
    const check = async () => transitionReadiness(await toArray(handover.log()), "crm").checks.find((each) => each.name === "production_baseline");
    expect(await check()).toMatchObject({ status: "fail", explanation: expect.stringContaining("uat-srv; take a production baseline that includes them once each is in test (a production baseline promotes only CIs in test or in production), or withdraw any that will not go live (ci.withdraw") });
    const [withdrawn] = await accept(handover, { type: "ci.withdraw", ciId: "uat-srv", reason: "UAT runs on the shared platform" }, "ben");
    expect(withdrawn?.data).toMatchObject({ from: "in_development", to: "retired", reason: "UAT runs on the shared platform" });
    expect(await check()).toMatchObject({ status: "pass" });
  });

  it("refuses withdrawing a CI in production, which is retired instead", async () => {
    const handover = await started();
    for (const type of ["ci.start_development", "ci.start_test", "ci.put_into_production"]) await accept(handover, { type, ciId: "crm-db" }, "ben");
    expect(await refuse(handover, { type: "ci.withdraw", ciId: "crm-db", reason: "x" }, "ben")).toMatchObject({ code: "invalid_transition", message: expect.stringContaining("retire") });
  });
});

describe("baseline differences carry the events that made them, retirements included", () => {
  it("shows a CI retired under an authorised change between two baselines as removed, authorised, with the retirement as evidence", async () => {
    const handover = await started();
    await accept(handover, { type: "ci.register", ciId: "old-db", ciType: "database", name: "old DB", owner: "ben" }, "ben");
    for (const type of ["ci.start_development", "ci.start_test", "ci.put_into_production"]) await accept(handover, { type, ciId: "old-db" }, "ben");
    await accept(handover, { type: "project.take_baseline", projectId: "crm", name: "before", kind: "project", scope: { kind: "all" } }, "ben");
    await accept(handover, enter("system_test"), "ana");
    await accept(handover, { type: "change.raise", changeId: "C-9", changeType: "normal", scope: { level: "solution", ciIds: ["old-db"] }, title: "retire the old database" }, "ben");
    await accept(handover, { type: "change.assess", changeId: "C-9", risk: "low", impactSummary: "s", affectedCis: [], implementationPlan: "p", testPlan: "t" }, "carla");
    await accept(handover, { type: "change.vote", changeId: "C-9", vote: "approve", comment: "go" }, "cai");
    await accept(handover, { type: "change.schedule", changeId: "C-9", window: { start: "2026-03-02T00:00:00Z", end: "2026-03-31T00:00:00Z" } }, "carla");
    const [retired] = await accept(handover, { type: "ci.retire", ciId: "old-db", changeId: "C-9" }, "ben");
    await accept(handover, { type: "project.take_baseline", projectId: "crm", name: "after", kind: "project", scope: { kind: "all" } }, "ben");
    const log = await toArray(handover.log());
    const [from, to] = ["before", "after"].map((name) => baseline(log, name));
    if (from?._tag !== "Right" || to?._tag !== "Right") throw new Error("baselines not found");
    const removed = compareBaselines(from.right, to.right, log).differences.find((difference) => difference.kind === "ci_removed");
    expect(removed).toMatchObject({ ciId: "old-db", authorised: true, evidence: [expect.objectContaining({ position: retired?.position, type: "configuration.ci_status_changed", changeId: "C-9", authorised: true })] });
  });
});
