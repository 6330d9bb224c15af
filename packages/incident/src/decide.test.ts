import { createPriorityMatrix, defaultPolicy } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { incidentDecider } from "./decider.js";
import { command, factsAt, history, historyTo, on } from "./fixtures/incident-fixtures.js";

const spec = deciderSpec(incidentDecider);

describe("logging an incident", () => {
  it("computes the priority with the policy's matrix and links the affected CIs", () => {
    const state = spec
      .given([])
      .when(command("incident.log", { title: "Mail is down", impact: 2, urgency: 3, ciIds: ["mail-relay", "mail-relay", "dns"] }), factsAt(0))
      .then([
        { type: "incident.logged", data: { ...on(0), impact: 2, urgency: 3, priority: 4, major: false, title: "Mail is down" } },
        { type: "incident.ci_linked", data: { ...on(0), ciId: "mail-relay" } },
        { type: "incident.ci_linked", data: { ...on(0), ciId: "dns" } },
      ] as never);
    expect(state).toMatchObject({ status: "new", priority: 4, ciIds: ["mail-relay", "dns"], loggedAt: on(0).at });
  });

  it("marks priority 1 as a major incident", () => {
    const state = spec.given([]).when(command("incident.log", { title: "All down", impact: 1, urgency: 1 }), factsAt(0)).then([
      { type: "incident.logged", data: { ...on(0), impact: 1, urgency: 1, priority: 1, major: true, title: "All down" } },
    ]);
    expect(state.major).toBe(true);
  });

  it("uses the policy's own matrix, and refuses an impact outside it", () => {
    const built = createPriorityMatrix("two-by-two", [
      [1, 1],
      [2, 3],
    ]);
    if (built._tag === "Left") throw new Error(built.left);
    const policy = { ...defaultPolicy, priorityMatrix: built.right };
    spec.given([]).when(command("incident.log", { title: "x", impact: 2, urgency: 2 }), { ...factsAt(0), policy }).then([
      { type: "incident.logged", data: { ...on(0), impact: 2, urgency: 2, priority: 3, major: false, title: "x" } },
    ]);
    spec.given([]).when(command("incident.log", { title: "x", impact: 3, urgency: 1 }), { ...factsAt(0), policy }).thenError("outside_priority_matrix", "impact 3 is outside matrix two-by-two");
  });

  it("refuses to log an incident twice", () => {
    spec.given(historyTo.new).when(command("incident.log", { title: "again", impact: 2, urgency: 2 }), factsAt(1)).thenError("invalid_transition", 'cannot "log" while "new"');
  });

  it("refuses any other command on an incident never logged", () => {
    spec.given([]).when(command("incident.start_work"), factsAt(0)).thenError("invalid_transition", 'incident INC-1: cannot "start_work" while "none"; "none" accepts: log');
  });
});

describe("assignment and reassignment", () => {
  it("assigns a person within the group already set, without counting", () => {
    const state = spec.given(historyTo.assigned).when(command("incident.assign", { group: "Service Desk", assignee: "u-ann" }), factsAt(8)).then([
      { type: "incident.assigned", data: { ...on(8), group: "Service Desk", assignee: "u-ann" } },
    ]);
    expect(state).toMatchObject({ assignee: "u-ann", reassignmentCount: 0, ownedAt: on(5).at });
  });

  it("refuses to move an incident with assign: that is a counted reassignment", () => {
    spec.given(historyTo.assigned).when(command("incident.assign", { group: "Mail Team" }), factsAt(8)).thenError("already_assigned", "incident.reassign");
  });

  it("does nothing when assign names what is already set", () => {
    spec.given(historyTo.assigned).when(command("incident.assign", { group: "Service Desk" }), factsAt(8)).thenNothing();
  });

  it("counts each reassignment", () => {
    const state = spec.given([...historyTo.in_progress, history.reassigned(12)]).when(command("incident.reassign", { group: "Network", assignee: "u-bob", reason: "it is DNS" }), factsAt(15)).then([
      { type: "incident.reassigned", data: { ...on(15), group: "Network", assignee: "u-bob", reason: "it is DNS" } },
    ]);
    expect(state).toMatchObject({ reassignmentCount: 2, group: "Network", assignee: "u-bob", status: "in_progress" });
  });

  it("refuses a reassignment to the group and person it already has", () => {
    spec.given(historyTo.in_progress).when(command("incident.reassign", { group: "Service Desk", reason: "x" }), factsAt(15)).thenError("same_assignment");
  });
});

describe("escalation", () => {
  it("functional: another group takes the incident over; counted", () => {
    const state = spec.given(historyTo.in_progress).when(command("incident.escalate", { level: "functional", to: "Mail Team", reason: "second line" }), factsAt(15)).then([
      { type: "incident.escalated", data: { ...on(15), level: "functional", to: "Mail Team", reason: "second line" } },
    ]);
    expect(state).toMatchObject({ escalationCount: 1, group: "Mail Team", assignee: null, reassignmentCount: 0, lastEscalation: { level: "functional", to: "Mail Team" } });
  });

  it("hierarchical: recorded and counted, the assignment stays", () => {
    const state = spec.given(historyTo.on_hold).when(command("incident.escalate", { level: "hierarchical", to: "u-boss", reason: "VIP caller" }), factsAt(25)).then([
      { type: "incident.escalated", data: { ...on(25), level: "hierarchical", to: "u-boss", reason: "VIP caller" } },
    ]);
    expect(state).toMatchObject({ escalationCount: 1, group: "Service Desk", status: "on_hold" });
  });

  it("refuses a functional escalation to the group that holds it", () => {
    spec.given(historyTo.in_progress).when(command("incident.escalate", { level: "functional", to: "Service Desk", reason: "x" }), factsAt(15)).thenError("escalation_to_same_group");
  });
});

describe("on hold", () => {
  it("changes the reason while on hold, starting a new span", () => {
    const state = spec.given(historyTo.on_hold).when(command("incident.put_on_hold", { reason: "awaiting_vendor", note: "ticket V-9" }), factsAt(25)).then([
      { type: "incident.put_on_hold", data: { ...on(25), reason: "awaiting_vendor", note: "ticket V-9" } },
    ]);
    expect(state.holdReason).toBe("awaiting_vendor");
    expect(state.clockStops).toEqual([
      { kind: "on_hold", reason: "awaiting_caller", from: on(20).at, to: on(25).at },
      { kind: "on_hold", reason: "awaiting_vendor", from: on(25).at, to: null },
    ]);
  });

  it("does nothing when put on hold again for the same reason", () => {
    spec.given(historyTo.on_hold).when(command("incident.put_on_hold", { reason: "awaiting_caller" }), factsAt(25)).thenNothing();
  });
});

describe("resolution, reopening and closing", () => {
  it("refuses to resolve without a resolution code and notes", () => {
    spec.given(historyTo.in_progress).when(command("incident.resolve", { resolutionCode: "fixed", resolutionNotes: "  " }), factsAt(15)).thenError("resolution_required", 'notes "  "');
    spec.given(historyTo.in_progress).when(command("incident.resolve", { resolutionCode: "", resolutionNotes: "done" }), factsAt(15)).thenError("resolution_required");
  });

  it("reopening counts, withdraws the resolution and needs a new one before closing", () => {
    const state = spec.given(historyTo.resolved).when(command("incident.reopen", { reason: "still broken" }), factsAt(45)).then([
      { type: "incident.reopened", data: { ...on(45), reason: "still broken" } },
    ]);
    expect(state).toMatchObject({ status: "in_progress", reopenCount: 1, resolution: null, resolvedAt: null });
    spec.given([...historyTo.resolved, history.reopened(45)]).when(command("incident.close"), factsAt(50)).thenError("invalid_transition", '"in_progress" accepts');
  });

  it("closes a resolved incident, keeping its resolution", () => {
    const state = spec.given(historyTo.resolved).when(command("incident.close"), factsAt(70)).then([{ type: "incident.closed", data: on(70) }]);
    expect(state).toMatchObject({ status: "closed", closedAt: on(70).at, resolution: { code: "fixed", notes: "restarted the relay" } });
  });
});

describe("reprioritising", () => {
  it("recomputes the priority with the matrix; a fall from 1 ends the major incident", () => {
    const state = spec.given([history.logged(0, 1, 1, 1)]).when(command("incident.reprioritise", { impact: 3, urgency: 3, reason: "one user only" }), factsAt(5)).then([
      { type: "incident.reprioritised", data: { ...on(5), impact: 3, urgency: 3, priority: 5, major: false, reason: "one user only" } },
    ]);
    expect(state).toMatchObject({ priority: 5, major: false });
  });

  it("does nothing when impact and urgency stay", () => {
    spec.given(historyTo.new).when(command("incident.reprioritise", { impact: 2, urgency: 2, reason: "x" }), factsAt(5)).thenNothing();
  });
});

describe("links", () => {
  it("links a problem, changes (caused by, resolved by) and CIs once each", () => {
    const given = [...historyTo.in_progress, { type: "incident.problem_linked", data: { ...on(11), problemId: "PRB-7" } } as never];
    spec.given(given).when(command("incident.link_problem", { problemId: "PRB-7" }), factsAt(12)).thenNothing();
    const state = spec.given(given).when(command("incident.link_change", { changeId: "C-17", relation: "caused_by" }), factsAt(12)).then([
      { type: "incident.change_linked", data: { ...on(12), changeId: "C-17", relation: "caused_by" } } as never,
    ]);
    expect(state.changeLinks).toEqual([{ changeId: "C-17", relation: "caused_by" }]);
    expect(state.problemIds).toEqual(["PRB-7"]);
  });
});

describe("time", () => {
  it("refuses a command dated before the incident's latest event", () => {
    spec.given(historyTo.in_progress).when(command("incident.put_on_hold", { reason: "awaiting_caller" }), factsAt(9)).thenError("time_runs_backwards", "before its latest event");
  });
});
