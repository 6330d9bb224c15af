import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { incidentDecider } from "./decider.js";
import type { IncidentEvent } from "./events.js";

const spec = deciderSpec(incidentDecider);
const by = { actor: "u-1", at: "2026-03-12T09:30:00.000Z" };
const stamp = { incidentId: "INC-1", at: by.at, by: by.actor };
const logged: IncidentEvent = {
  type: "incident.logged",
  data: { ...stamp, title: "payroll login fails", description: "", impact: 1, urgency: 2, priority: 2 },
};
const assigned: IncidentEvent = { type: "incident.assigned", data: { ...stamp, group: "identity", assignee: "u-7" } };
const started: IncidentEvent = { type: "incident.work_started", data: stamp };

describe("the bench's incident-like decider", () => {
  it("logs an incident with the priority of its impact and urgency", () => {
    spec
      .given([])
      .when({ type: "incident.log", data: { incidentId: "INC-1", title: "payroll login fails", description: "", impact: 1, urgency: 2 } }, by)
      .then([logged]);
  });

  it("refuses work on an incident nobody logged, naming what the state accepts", () => {
    spec.given([]).when({ type: "incident.start", data: { incidentId: "INC-1" } }, by).thenError("invalid_transition", 'cannot "start" while "none"');
  });

  it("refuses to reassign to the current assignee", () => {
    spec.given([logged, assigned]).when({ type: "incident.assign", data: { incidentId: "INC-1", group: "identity", assignee: "u-7" } }, by).thenError("already_assigned");
  });

  it("counts time on hold out of the SLA clock", () => {
    const held: IncidentEvent = { type: "incident.put_on_hold", data: { ...stamp, reason: "awaiting_user" } };
    const state = spec
      .given([logged, assigned, started, held])
      .when({ type: "incident.resume", data: { incidentId: "INC-1" } }, { actor: "u-7", at: "2026-03-12T10:30:00.000Z" })
      .then([{ type: "incident.resumed", data: { incidentId: "INC-1", at: "2026-03-12T10:30:00.000Z", by: "u-7" } }]);
    expect(state.pausedMillis).toBe(3_600_000);
    expect(state.status).toBe("in_progress");
  });

  it("does nothing when the priority would not change", () => {
    spec.given([logged]).when({ type: "incident.reprioritise", data: { incidentId: "INC-1", impact: 1, urgency: 2 } }, by).thenNothing();
  });
});
