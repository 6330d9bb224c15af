import { steppingClock, sequentialIds, createInMemoryEventStore, verifyChain, toArray } from "@handover/core";
import { isLeft, isRight, type Either } from "fp-ts/lib/Either.js";
import type { Role } from "@handover/itil";
import { auditFindings } from "@handover/projections";
import { describe, expect, it } from "vitest";
import { createHandover, type Handover } from "./create-handover.js";
import type { HandoverError } from "./errors.js";
import type { ExecuteResult } from "./execute.js";
import { changeStates, ciStates, projectState } from "./view-queries.js";

const roles: Record<string, Role[]> = {
  "pm-ana": ["project_manager"],
  "cm-ben": ["change_manager", "configuration_manager", "incident_manager", "problem_manager"],
  "rm-fay": ["release_manager"],
  "cm-gus": ["change_manager"],
  "cab-cai": ["cab_member"],
  "cab-dee": ["cab_member", "ecab_member"],
  "so-eve": ["service_owner"],
};

function newHandover(policy: object = {}): Handover {
  const clock = steppingClock("2026-03-02T09:00:00Z", 60_000);
  return createHandover({ clock, ids: sequentialIds("evt"), policy: { roles, ...policy }, readiness: async () => ({ ready: true, failing: [] }) });
}

async function ok(result: Promise<Either<HandoverError, ExecuteResult>>): Promise<ExecuteResult> {
  const outcome = await result;
  if (isLeft(outcome)) throw new Error(`expected success, got ${outcome.left.code}: ${outcome.left.message}`);
  return outcome.right;
}

async function startProject(handover: Handover, projectPolicy: object = {}): Promise<void> {
  await ok(handover.execute({ type: "project.start", projectId: "crm", name: "CRM replacement", manager: "pm-ana", policy: projectPolicy }, { actor: "pm-ana" }));
  await ok(handover.execute({ type: "ci.register", ciId: "crm-app", ciType: "application", name: "CRM", owner: "cm-ben", attributes: { version: "1.0" } }, { actor: "cm-ben" }));
  await ok(handover.execute({ type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "cm-ben" }, { actor: "cm-ben" }));
  await ok(handover.execute({ type: "ci.add_relationship", ciId: "crm-app", relationship: "depends_on", targetCiId: "crm-db" }, { actor: "cm-ben" }));
}

describe("engine: commands in", () => {
  it("routes commands to their streams and keeps the view current", async () => {
    const handover = newHandover();
    await startProject(handover);
    const view = await handover.view();
    expect(projectState(view)?.phase).toBe("initiation");
    expect([...ciStates(view).keys()]).toEqual(["crm-app", "crm-db"]);
    expect(view.aggregate("ci-crm-app")?.version).toBe(2);
    const log = await toArray(handover.store.readAll());
    expect(log.map((event) => event.streamId)).toEqual(["project-crm", "ci-crm-app", "ci-crm-db", "ci-crm-app"]);
    expect(log[0]?.meta).toMatchObject({ actor: "pm-ana", occurredAt: "2026-03-02T09:00:00.000Z" });
  });

  it("refuses unknown commands and invalid payloads with the field path, appending nothing", async () => {
    const handover = newHandover();
    await startProject(handover);
    const unknown = await handover.executeUnknown({ type: "cmdb.wipe" }, { actor: "cm-ben" });
    expect(isLeft(unknown) && unknown.left).toMatchObject({ code: "unknown_command" });
    const invalid = await handover.execute({ type: "ci.register", ciId: "x", ciType: "application", name: "", owner: "cm-ben" }, { actor: "cm-ben" });
    expect(isLeft(invalid) && invalid.left).toMatchObject({ code: "invalid_command", details: { path: "command.name" } });
    const noActor = await handover.execute({ type: "ci.start_development", ciId: "crm-app" }, { actor: "" });
    expect(isLeft(noActor) && noActor.left).toMatchObject({ code: "invalid_command", details: { path: "actor" } });
    expect((await handover.store.head()).position).toBe(4);
  });

  it("refuses everything but project.start before a project exists, and a second project", async () => {
    const handover = newHandover();
    const early = await handover.execute({ type: "ci.register", ciId: "a", ciType: "application", name: "A", owner: "cm-ben" }, { actor: "cm-ben" });
    expect(isLeft(early) && early.left.code).toBe("no_project");
    await startProject(handover);
    const second = await handover.execute({ type: "project.start", projectId: "erp", name: "ERP", manager: "pm-ana" }, { actor: "pm-ana" });
    expect(isLeft(second) && second.left.code).toBe("one_project_per_log");
  });

  it("is idempotent by command id", async () => {
    const handover = newHandover();
    await startProject(handover);
    const command = { type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "postgres" } as const;
    const first = await ok(handover.execute(command, { actor: "cm-ben", commandId: "cmd-1" }));
    const again = await ok(handover.execute(command, { actor: "cm-ben", commandId: "cmd-1" }));
    expect(again.duplicate).toBe(true);
    expect(again.positions).toEqual(first.positions);
    expect((await handover.store.head()).position).toBe(5);
  });
});

describe("engine: cross-process rules", () => {
  it("gates incidents by phase: refused before system test, accepted from it", async () => {
    const handover = newHandover();
    await startProject(handover);
    const incident = { type: "incident.log", incidentId: "INC1", title: "login fails", impact: 2, urgency: 2 } as const;
    const refused = await handover.execute(incident, { actor: "cm-ben" });
    expect(isLeft(refused) && refused.left).toMatchObject({ code: "phase_gate" });
    expect(isLeft(refused) && refused.left.message).toContain("incident applies from system_test; the project is in initiation");
    await ok(handover.execute({ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, { actor: "pm-ana" }));
    await ok(handover.execute(incident, { actor: "cm-ben" }));
  });

  it("accepts a gated command in record mode, records the breach in the event's meta, and the audit finds it both ways", async () => {
    const handover = newHandover();
    await startProject(handover, { processes: { incident: { mode: "record" } } });
    const result = await handover.execute({ type: "incident.log", incidentId: "INC1", title: "early", impact: 3, urgency: 3 }, { actor: "cm-ben" });
    expect(isRight(result) && result.right.events[0]?.meta.recordedBreaches).toEqual([
      { rule: "phase_gate", message: "incident INC1: incident.logged: incident applies from system_test; the project is in initiation; enter system_test first, or set the policy's mode for incident to record" },
    ]);
    const found = (await auditFindings(handover.log(), handover.policy)).findings;
    expect(found).toEqual([expect.objectContaining({ kind: "process_before_phase", entityId: "INC1", actor: "cm-ben", source: "both", message: expect.stringContaining("incident applies from system_test") })]);
  });

  it("refuses a vote on one's own change; in record mode accepts it, records the breach on the event, and the audit finds it", async () => {
    const enforced = newHandover();
    await startProject(enforced);
    await ok(enforced.execute({ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, { actor: "pm-ana" }));
    await ok(enforced.execute({ type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["crm-db"] }, title: "Tune" }, { actor: "cab-dee" }));
    await ok(enforced.execute({ type: "change.assess", changeId: "C-1", risk: "low", impactSummary: "none", affectedCis: ["crm-db"], implementationPlan: "tune", testPlan: "smoke" }, { actor: "cm-ben" }));
    const ownVote = await enforced.execute({ type: "change.vote", changeId: "C-1", vote: "approve", comment: "mine" }, { actor: "cab-dee" });
    expect(isLeft(ownVote) && ownVote.left).toMatchObject({ code: "segregation_of_duties", message: expect.stringContaining("cab-dee raised this change") });

    const recorded = newHandover();
    await startProject(recorded, { rules: { segregation_of_duties: "record", approver_role: "record", ci_change_authorised: "record" } });
    await ok(recorded.execute({ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, { actor: "pm-ana" }));
    await ok(recorded.execute({ type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["crm-db"] }, title: "Tune" }, { actor: "cab-dee" }));
    await ok(recorded.execute({ type: "change.assess", changeId: "C-1", risk: "low", impactSummary: "none", affectedCis: ["crm-db"], implementationPlan: "tune", testPlan: "smoke" }, { actor: "cm-ben" }));
    const vote = await ok(recorded.execute({ type: "change.vote", changeId: "C-1", vote: "approve", comment: "mine" }, { actor: "cab-dee" }));
    expect(vote.events.map((event) => event.type)).toEqual(["change.vote_cast", "change.authorised"]);
    expect(vote.events[0]?.meta.recordedBreaches).toEqual([expect.objectContaining({ rule: "segregation_of_duties", message: expect.stringContaining("cab-dee raised this change") })]);
    expect(vote.events[1]?.meta.recordedBreaches).toBeUndefined();
    await ok(recorded.execute({ type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "pg16" }, { actor: "cm-ben" }));
    const found = (await auditFindings(recorded.log(), recorded.policy)).findings.map((finding) => [finding.kind, finding.entityId, finding.source]);
    expect(found).toEqual([
      ["segregation_of_duties", "C-1", "both"],
      ["ci_change_unauthorised", "crm-db", "both"],
    ]);
  });

  it("refuses a CI change under change control without an authorised change naming it, and accepts one with it", async () => {
    const handover = newHandover();
    await startProject(handover);
    await ok(handover.execute({ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, { actor: "pm-ana" }));
    const unauthorised = await handover.execute({ type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "pg16" }, { actor: "cm-ben" });
    expect(isLeft(unauthorised) && unauthorised.left.code).toBe("change_not_authorised");
    await ok(handover.execute({ type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["crm-db"] }, title: "Upgrade DB" }, { actor: "cm-ben" }));
    await ok(handover.execute({ type: "change.assess", changeId: "C-1", risk: "low", impactSummary: "short outage", affectedCis: ["crm-db"], implementationPlan: "upgrade", testPlan: "smoke" }, { actor: "cm-ben" }));
    const withoutRole = await handover.execute({ type: "change.vote", changeId: "C-1", vote: "approve", comment: "mine" }, { actor: "cm-ben" });
    expect(isLeft(withoutRole) && withoutRole.left.code).toBe("approver_role");
    await ok(handover.execute({ type: "change.vote", changeId: "C-1", vote: "approve", comment: "fine" }, { actor: "cab-cai" }));
    expect(changeStates(await handover.view()).get("C-1")?.status).toBe("authorised");
    await ok(handover.execute({ type: "change.schedule", changeId: "C-1", window: { start: "2026-03-02T09:00:00Z", end: "2026-03-03T09:00:00Z" } }, { actor: "cm-ben" }));
    const authorised = await handover.execute({ type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "pg16", changeId: "C-1" }, { actor: "cm-ben" });
    expect(isRight(authorised)).toBe(true);
    expect(ciStates(await handover.view()).get("crm-db")?.attributes).toEqual({ engine: "pg16" });
  });

  it("lets an unscheduled emergency change authorise CI changes from its ECAB approval on", async () => {
    const handover = newHandover();
    await startProject(handover);
    await ok(handover.execute({ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, { actor: "pm-ana" }));
    await ok(handover.execute({ type: "change.raise", changeId: "E-1", changeType: "emergency", scope: { level: "solution", ciIds: ["crm-db"] }, title: "Disk full" }, { actor: "cm-ben" }));
    await ok(handover.execute({ type: "change.assess", changeId: "E-1", risk: "high", impactSummary: "outage", affectedCis: ["crm-db"], implementationPlan: "grow disk", testPlan: "check", backOutPlan: "restore" }, { actor: "cm-ben" }));
    const early = await handover.execute({ type: "ci.set_attribute", ciId: "crm-db", name: "disk", value: "200G", changeId: "E-1" }, { actor: "cm-ben" });
    expect(isLeft(early) && early.left.code).toBe("change_not_authorised");
    await ok(handover.execute({ type: "change.vote", changeId: "E-1", vote: "approve", comment: "go" }, { actor: "cab-dee" }));
    await ok(handover.execute({ type: "change.start_implementation", changeId: "E-1" }, { actor: "cm-ben" }));
    await ok(handover.execute({ type: "ci.set_attribute", ciId: "crm-db", name: "disk", value: "200G", changeId: "E-1" }, { actor: "cm-ben" }));
  });

  it("signs off only for a service owner", async () => {
    const handover = newHandover();
    await startProject(handover);
    for (const phase of ["design", "build", "system_test", "acceptance_test", "deployment"] as const) {
      await ok(handover.execute({ type: "project.enter_phase", projectId: "crm", phase }, { actor: "pm-ana" }));
    }
    await ok(handover.execute({ type: "project.request_transition", projectId: "crm" }, { actor: "pm-ana" }));
    const byManager = await handover.execute({ type: "project.sign_off_transition", projectId: "crm" }, { actor: "pm-ana" });
    expect(isLeft(byManager) && byManager.left).toMatchObject({ code: "not_service_owner", message: expect.stringContaining("pm-ana holds project_manager; only a service owner signs the transition off") });
    await ok(handover.execute({ type: "project.sign_off_transition", projectId: "crm" }, { actor: "so-eve" }));
    expect(projectState(await handover.view())?.status).toBe("signed_off");
  });
});

async function authorisedChange(handover: Handover, changeId: string): Promise<void> {
  await ok(handover.execute({ type: "change.raise", changeId, changeType: "normal", scope: { level: "solution", ciIds: ["crm-app"] }, title: `Change ${changeId}` }, { actor: "cm-ben" }));
  await ok(handover.execute({ type: "change.assess", changeId, risk: "low", impactSummary: "none", affectedCis: ["crm-app"], implementationPlan: "deploy", testPlan: "smoke" }, { actor: "cm-ben" }));
  await ok(handover.execute({ type: "change.vote", changeId, vote: "approve", comment: "ok" }, { actor: "cab-cai" }));
}

describe("engine: releases and problems", () => {
  it("approves a release only when every bundled change is authorised", async () => {
    const handover = newHandover();
    await startProject(handover);
    await ok(handover.execute({ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, { actor: "pm-ana" }));
    await authorisedChange(handover, "C-1");
    await ok(handover.execute({ type: "change.raise", changeId: "C-2", changeType: "normal", scope: { level: "solution", ciIds: ["crm-app"] }, title: "Not yet" }, { actor: "cm-ben" }));
    await ok(handover.execute({ type: "release.plan", releaseId: "R-1", version: "1.0", name: "First", changeIds: ["C-1", "C-2"], cis: [{ ciId: "crm-app", version: "1.0" }], backOutPlan: "redeploy 0.9" }, { actor: "rm-fay" }));
    await ok(handover.execute({ type: "release.build", releaseId: "R-1", artifact: "crm-1.0.tgz", checksum: "sha256:abc" }, { actor: "rm-fay" }));
    await ok(handover.execute({ type: "release.start_test_iteration", releaseId: "R-1", environment: "test" }, { actor: "rm-fay" }));
    await ok(handover.execute({ type: "release.pass_test_iteration", releaseId: "R-1" }, { actor: "rm-fay" }));
    const refused = await handover.execute({ type: "release.approve", releaseId: "R-1" }, { actor: "cm-gus" });
    expect(isLeft(refused) && refused.left.message).toContain("C-2");
    await ok(handover.execute({ type: "change.assess", changeId: "C-2", risk: "low", impactSummary: "none", affectedCis: ["crm-app"], implementationPlan: "deploy", testPlan: "smoke" }, { actor: "cm-ben" }));
    await ok(handover.execute({ type: "change.vote", changeId: "C-2", vote: "approve", comment: "ok" }, { actor: "cab-cai" }));
    await ok(handover.execute({ type: "release.approve", releaseId: "R-1" }, { actor: "cm-gus" }));
  });

  it("resolves a problem only with a change implemented successfully", async () => {
    const handover = newHandover();
    await startProject(handover);
    await ok(handover.execute({ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, { actor: "pm-ana" }));
    await ok(handover.execute({ type: "problem.log", problemId: "PRB1", title: "slow search" }, { actor: "cm-ben" }));
    await ok(handover.execute({ type: "problem.investigate", problemId: "PRB1", investigator: "cm-ben" }, { actor: "cm-ben" }));
    await ok(handover.execute({ type: "problem.identify_root_cause", problemId: "PRB1", rootCause: "missing index" }, { actor: "cm-ben" }));
    await ok(handover.execute({ type: "problem.record_known_error", problemId: "PRB1", symptom: "slow", workaround: "narrow the search", ciIds: [] }, { actor: "cm-ben" }));
    const unknown = await handover.execute({ type: "problem.resolve", problemId: "PRB1", changeId: "C-9" }, { actor: "cm-ben" });
    expect(isLeft(unknown) && unknown.left.code).toBe("unknown_change");
    await authorisedChange(handover, "C-9");
    const notDone = await handover.execute({ type: "problem.resolve", problemId: "PRB1", changeId: "C-9" }, { actor: "cm-ben" });
    expect(isLeft(notDone) && notDone.left.code).toBe("change_not_implemented");
  });
});

describe("engine: replay", () => {
  it("builds the same view from an existing store as the engine that wrote it", async () => {
    const store = createInMemoryEventStore({ clock: steppingClock("2026-03-02T09:00:00Z"), ids: sequentialIds("e") });
    const writer = createHandover({ store, clock: steppingClock("2026-03-02T09:00:00Z", 60_000), policy: { roles } });
    await startProject(writer);
    await ok(writer.execute({ type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "postgres" }, { actor: "cm-ben" }));
    const reader = createHandover({ store, policy: { roles } });
    const [written, replayed] = [await writer.view(), await reader.view()];
    expect(replayed.position).toBe(written.position);
    expect(ciStates(replayed)).toEqual(ciStates(written));
    expect(projectState(replayed)).toEqual(projectState(written));
    expect(verifyChain(await toArray(store.readAll())).ok).toBe(true);
  });

  it("picks up another writer's events before deciding", async () => {
    const store = createInMemoryEventStore({ clock: steppingClock("2026-03-02T09:00:00Z"), ids: sequentialIds("e") });
    const first = createHandover({ store, policy: { roles } });
    const second = createHandover({ store, policy: { roles } });
    await startProject(first);
    await ok(second.execute({ type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "postgres" }, { actor: "cm-ben" }));
    await ok(first.execute({ type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "mysql" }, { actor: "cm-ben" }));
    const events = await toArray(store.readStream("ci-crm-db"));
    expect(events.at(-1)?.data).toMatchObject({ name: "engine", oldValue: "postgres", newValue: "mysql" });
  });
});
