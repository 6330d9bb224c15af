import { asId, defaultPolicy, resolvePolicy, type HandoverPolicy, type PolicyOverrides } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { crmApp, crmDb } from "./fixtures/ci-fixtures.js";
import { changeControlRequirement, ciScope, productionCiIds, productionScopeSince, type BaselineFacts } from "./scope.js";

const baseline = (kind: BaselineFacts["kind"], at: string, ciIds: string[]): BaselineFacts => ({ kind, at, cis: ciIds.map((ciId) => ({ ciId })) });
const sprint = baseline("project", "2026-02-01T00:00:00.000Z", ["crm-db", "crm-app"]);
const goLive = baseline("production", "2026-03-01T00:00:00.000Z", ["crm-db"]);
const later = baseline("production", "2026-04-01T00:00:00.000Z", ["crm-db", "crm-app"]);

function policyWith(overrides: PolicyOverrides): HandoverPolicy {
  const resolved = resolvePolicy(overrides);
  if (resolved._tag === "Left") throw new Error(resolved.left);
  return resolved.right;
}

describe("scope", () => {
  it("is project scope while no production baseline includes the CI; a project baseline does not count", () => {
    expect(ciScope(crmDb, [])).toBe("project");
    expect(ciScope(crmDb, [sprint])).toBe("project");
  });

  it("is production scope from the first production baseline that includes the CI", () => {
    expect(ciScope(crmDb, [sprint, goLive])).toBe("production");
    expect(ciScope(crmApp, [sprint, goLive])).toBe("project");
    expect(productionScopeSince(crmApp, [later, goLive, sprint])).toBe("2026-04-01T00:00:00.000Z");
    expect(productionScopeSince(crmDb, [later, goLive, sprint])).toBe("2026-03-01T00:00:00.000Z");
  });

  it("answers as of a time", () => {
    expect(ciScope(crmDb, [goLive], "2026-02-28T23:59:59.000Z")).toBe("project");
    expect(ciScope(crmDb, [goLive], "2026-03-01T00:00:00.000Z")).toBe("production");
    expect([...productionCiIds([goLive, later], "2026-03-15T00:00:00.000Z")]).toEqual(["crm-db"]);
    expect([...productionCiIds([goLive, later])].sort()).toEqual(["crm-app", "crm-db"]);
  });
});

describe("when change control applies to a CI", () => {
  const ciId = asId.ci("crm-db");

  it("always in production scope, in the policy's mode", () => {
    expect(changeControlRequirement({ ciId, policy: defaultPolicy, phase: "initiation", scope: "production" })).toEqual({
      required: true,
      mode: "enforce",
      because: "crm-db is in production scope",
    });
  });

  it("in project scope, not before solution-level change applies", () => {
    expect(changeControlRequirement({ ciId, policy: defaultPolicy, phase: "build", scope: "project" })).toEqual({ required: false, mode: "enforce" });
  });

  it("in project scope, from the phase solution-level change applies (system_test by default)", () => {
    expect(changeControlRequirement({ ciId, policy: defaultPolicy, phase: "system_test", scope: "project" })).toEqual({
      required: true,
      mode: "enforce",
      because: "solution-level change applies from system_test; the project is in system_test",
    });
  });

  it("follows a policy that moves solution-level change, records instead of refusing, or leaves it out", () => {
    expect(changeControlRequirement({ ciId, policy: policyWith({ processes: { solution_change: { appliesFrom: "build" } } }), phase: "build", scope: "project" }).required).toBe(true);
    expect(changeControlRequirement({ ciId, policy: policyWith({ rules: { ci_change_authorised: "record" } }), phase: "deployment", scope: "project" })).toMatchObject({ required: true, mode: "record" });
    expect(changeControlRequirement({ ciId, policy: policyWith({ processes: { solution_change: { enabled: false } } }), phase: "deployment", scope: "project" }).required).toBe(false);
  });
});
