import { rolesOf } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { projectPolicy } from "./story/policy.js";
import { builtHistory } from "./test-support/history.js";

const { history, log, queries } = await builtHistory();

const roles = (actor: string) => rolesOf(projectPolicy.roles, actor);

describe("the Orbit CRM history: change management", () => {
  it("raises 25+ changes of every type, all closed or cancelled by the end", () => {
    const { changes } = history.summary;
    expect(changes.total).toBeGreaterThanOrEqual(25);
    expect(changes.byType).toMatchObject({ standard: expect.any(Number), normal: expect.any(Number), emergency: 1 });
    expect(changes.byType["standard"]).toBeGreaterThanOrEqual(5);
    expect(changes.byStatus).toEqual({ closed: changes.total - 1, cancelled: 1 });
  });

  it("authorises standard changes from the policy's catalogue and normal changes by the votes of CAB members, never their own", () => {
    const templates = new Set(projectPolicy.change.standardCatalogue.map((template) => template.templateId));
    const raised = queries.ofType<{ changeId: string; changeType: string; templateId?: string; by: string }>("change.raised");
    for (const event of raised.filter((change) => change.data.changeType === "standard")) expect(templates.has(event.data.templateId ?? "")).toBe(true);
    const requesters = new Map(raised.map((event) => [event.data.changeId, event.data.by]));
    const votes = queries.ofType<{ changeId: string; round: string; by: string }>("change.vote_cast");
    expect(votes.length).toBeGreaterThanOrEqual(25);
    for (const vote of votes) {
      expect(roles(vote.data.by)).toContain(vote.data.round === "ecab" ? "ecab_member" : "cab_member");
      expect(vote.data.by).not.toBe(requesters.get(vote.data.changeId));
    }
    const bases = queries.ofType<{ basis: string }>("change.authorised").map((event) => event.data.basis);
    expect(new Set(bases)).toEqual(new Set(["standard_template", "cab", "ecab"]));
  });

  it("rejects one change at the CAB, and authorises it once revised with evidence", () => {
    const types = log.filter((event) => event.streamId === "change-CHG-006").map((event) => event.type);
    expect(types).toEqual([
      "change.raised", "change.assessed", "change.vote_cast", "change.rejected", "change.revised", "change.assessed", "change.vote_cast", "change.vote_cast",
      "change.authorised", "change.scheduled", "change.implementation_started", "change.implemented", "change.reviewed", "change.closed",
    ]);
    expect(history.summary.changes.rejectedAndRevised).toEqual(["CHG-006"]);
  });

  it("makes one project-level scope change, and only project-level changes before system test", () => {
    const raised = queries.ofType<{ changeId: string; scope: { level: string; target?: { kind: string } } }>("change.raised");
    expect(raised.filter((event) => event.data.scope.target?.kind === "scope_item").map((event) => event.data.changeId)).toEqual(["CHG-002"]);
    for (const event of raised.filter((change) => change.data.scope.level === "solution")) expect(["system_test", "acceptance_test", "deployment", "early_life_support"]).toContain(queries.phaseAt(event.position));
  });

  it("authorises the emergency change by the ECAB and closes it only after an endorsed retrospective CAB review", () => {
    const emergency = log.filter((event) => event.streamId === "change-CHG-023");
    expect(emergency.find((event) => event.type === "change.authorised")?.data).toMatchObject({ basis: "ecab", quorum: 2 });
    const reviewed = emergency.findIndex((event) => event.type === "change.retrospectively_reviewed");
    expect(emergency[reviewed]?.data).toMatchObject({ verdict: "endorsed" });
    expect(emergency.findIndex((event) => event.type === "change.closed")).toBeGreaterThan(reviewed);
  });

  it("changes CIs under control only inside the window of an authorised change that names them, but for the one deliberate breach", () => {
    const controlled = queries.ofType<{ ciId: string; changeControl: { required: boolean; changeId?: string; breach?: unknown } }>("configuration.attribute_set")
      .concat(queries.ofType("configuration.ci_status_changed"), queries.ofType("configuration.relationship_removed"))
      .filter((event) => event.data.changeControl.required);
    expect(controlled.length).toBeGreaterThan(100);
    const breaches = controlled.filter((event) => (event.meta.recordedBreaches ?? []).some((breach) => breach.rule === "ci_change_authorised"));
    expect(breaches.map((event) => [event.data.ciId, event.meta.actor])).toEqual([["db-crm-prod", "victor.hale"]]);
  });
});

describe("the Orbit CRM history: incidents and problems", () => {
  it("logs 60+ incidents in system and acceptance test and after go-live, with realistic priorities", () => {
    const logged = queries.ofType<{ priority: number }>("incident.logged");
    expect(logged.length).toBeGreaterThanOrEqual(60);
    const byPhase: Record<string, number> = {};
    for (const event of logged) byPhase[queries.phaseAt(event.position)] = (byPhase[queries.phaseAt(event.position)] ?? 0) + 1;
    expect(byPhase).toEqual({ build: 1, system_test: 38, acceptance_test: 22, deployment: 1, early_life_support: 4 });
    expect(history.summary.incidents.byPriority).toMatchObject({ P1: 1 });
    expect((history.summary.incidents.byPriority["P3"] ?? 0) + (history.summary.incidents.byPriority["P4"] ?? 0)).toBeGreaterThan(logged.length / 2);
  });

  it("assigns, holds, reassigns, escalates, reopens, resolves and closes them; the open ones wait on a known error", () => {
    for (const type of ["incident.assigned", "incident.put_on_hold", "incident.resumed", "incident.reassigned", "incident.escalated", "incident.reopened", "incident.reprioritised", "incident.cancelled"]) {
      expect(queries.ofType(type).length, type).toBeGreaterThan(0);
    }
    expect(history.summary.incidents.byStatus).toEqual({ closed: 60, cancelled: 4, on_hold: 2 });
    const knownErrors = new Set(queries.ofType<{ problemId: string }>("problem.known_error_recorded").map((event) => event.data.problemId));
    const onHold = queries.ofType<{ incidentId: string; reason: string }>("incident.put_on_hold").filter((event) => ["INC-0046", "INC-0061"].includes(event.data.incidentId));
    expect(onHold.map((event) => event.data.reason)).toEqual(["awaiting_problem", "awaiting_problem"]);
    const links = queries.ofType<{ incidentId: string; problemId: string }>("incident.problem_linked").filter((event) => ["INC-0046", "INC-0061"].includes(event.data.incidentId));
    expect(links.every((event) => knownErrors.has(event.data.problemId))).toBe(true);
  });

  it("turns problems into known errors with workarounds, and resolves most by an implemented change", () => {
    const knownErrors = queries.ofType<{ workaround: string }>("problem.known_error_recorded");
    expect(knownErrors.length).toBeGreaterThanOrEqual(3);
    for (const event of knownErrors) expect(event.data.workaround.length).toBeGreaterThan(20);
    expect(history.summary.problems.byStatus).toEqual({ closed: 4, known_error: 1 });
  });
});
