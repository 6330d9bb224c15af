import { describe, expect, it } from "vitest";
import { phaseGate } from "./control-policy.js";
import { defaultPolicy, resolvePolicy } from "./policy.js";
import { hasRole, rolesOf } from "./roles.js";

describe("policy", () => {
  it("has the documented defaults", () => {
    expect(defaultPolicy.control.processes.configuration.appliesFrom).toBe("initiation");
    expect(defaultPolicy.control.processes.project_change.appliesFrom).toBe("initiation");
    expect(defaultPolicy.control.processes.solution_change.appliesFrom).toBe("system_test");
    expect(defaultPolicy.control.processes.incident.appliesFrom).toBe("system_test");
    expect(defaultPolicy.control.processes.release.appliesFrom).toBe("system_test");
    expect(defaultPolicy.change.quorumByRisk).toEqual({ low: 1, medium: 2, high: 3 });
  });

  it("gates a process by phase: refused when enforced, recorded in record mode, disabled when left out", () => {
    expect(phaseGate(defaultPolicy.control, "incident", "build")).toEqual({ verdict: "refused", message: "incident applies from system_test; the project is in build" });
    expect(phaseGate(defaultPolicy.control, "incident", "acceptance_test")).toEqual({ verdict: "allowed" });
    const recorded = resolvePolicy({ processes: { incident: { mode: "record" } } });
    expect(recorded._tag === "Right" && phaseGate(recorded.right.control, "incident", "build").verdict).toBe("recorded");
    const leftOut = resolvePolicy({ processes: { problem: { enabled: false } } });
    expect(leftOut._tag === "Right" && phaseGate(leftOut.right.control, "problem", "deployment").verdict).toBe("disabled");
  });

  it("merges overrides and keeps the rest", () => {
    const policy = resolvePolicy({ roles: { "u-1": ["cab_member"] }, change: { rejection: "majority" }, ciTypes: ["queue"] });
    expect(policy._tag).toBe("Right");
    if (policy._tag === "Left") return;
    expect(policy.right.change).toMatchObject({ rejection: "majority", quorumByRisk: { medium: 2 } });
    expect(policy.right.ciTypes).toContain("queue");
    expect(policy.right.ciTypes).toContain("database");
    expect(hasRole(policy.right.roles, "u-1", "cab_member")).toBe(true);
    expect(rolesOf(policy.right.roles, "u-2")).toEqual([]);
    expect(rolesOf(policy.right.roles, "constructor")).toEqual([]);
  });

  it("refuses bad overrides with the field path", () => {
    expect(resolvePolicy({ processes: { incident: { appliesFrom: "testing" } } })).toMatchObject({ left: expect.stringContaining("policy.processes.incident.appliesFrom") });
    expect(resolvePolicy({ roles: { "u-1": ["wizard"] } })).toMatchObject({ left: expect.stringContaining('policy.roles.u-1[0]') });
    expect(resolvePolicy({ priorityMatrix: { name: "x", cells: [[1, 2], [3]] } })).toMatchObject({ left: expect.stringContaining("rectangular") });
    expect(resolvePolicy({ colour: "blue" })).toMatchObject({ left: expect.stringContaining("colour") });
  });
});
