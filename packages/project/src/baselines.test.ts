import { asId, resolvePolicy } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { projectDecider } from "./decider.js";
import type { ProjectEvent } from "./events.js";
import { BaselineScope } from "./values.js";
import { ci, command, facts, stamp, started } from "./fixtures/project-fixtures.js";

const spec = deciderSpec(projectDecider);
const take = (name: string, scope: object, kind = "project") => command({ type: "project.take_baseline", name, kind, scope });
const taken = (name: string, scopeInput: object, cis: { ciId: string; ciType: string; version: number }[], kind: "project" | "production" = "project"): ProjectEvent => ({
  type: "project.baseline_taken",
  data: { ...stamp, name, kind, scope: BaselineScope.parse(scopeInput), cis: cis.map((entry) => ({ ...entry, ciId: asId.ci(entry.ciId) })) },
});

describe("baselines", () => {
  it("of all CIs records every CI in service with its version, sorted, retired ones left out", () => {
    const state = spec.given([started]).when(take("Sprint 3", { kind: "all" }), facts()).then([
      taken("Sprint 3", { kind: "all" }, [
        { ciId: "crm-app", ciType: "application", version: 5 },
        { ciId: "crm-db", ciType: "database", version: 3 },
        { ciId: "db-01", ciType: "server", version: 2 },
      ]),
    ]);
    expect(state.baselines.map((baseline) => baseline.name)).toEqual(["Sprint 3"]);
    expect(state.baselines[0]?.at).toBe(stamp.at);
  });

  it("of some types records the CIs of those types", () => {
    spec.given([started]).when(take("Data", { kind: "types", ciTypes: ["database", "server"] }, "production"), facts()).then([
      taken("Data", { kind: "types", ciTypes: ["database", "server"] }, [
        { ciId: "crm-db", ciType: "database", version: 3 },
        { ciId: "db-01", ciType: "server", version: 2 },
      ], "production"),
    ]);
  });

  it("of a list records the CIs listed, once each", () => {
    spec.given([started]).when(take("Go-live", { kind: "cis", ciIds: ["db-01", "crm-db", "db-01"] }, "production"), facts()).then([
      taken("Go-live", { kind: "cis", ciIds: ["db-01", "crm-db", "db-01"] }, [
        { ciId: "crm-db", ciType: "database", version: 3 },
        { ciId: "db-01", ciType: "server", version: 2 },
      ], "production"),
    ]);
  });

  it("refuses a name used before", () => {
    const first = taken("Sprint 3", { kind: "all" }, [{ ciId: "crm-db", ciType: "database", version: 1 }]);
    spec.given([started, first]).when(take("Sprint 3", { kind: "all" }), facts()).thenError("duplicate_baseline", 'project crm, baseline "Sprint 3": a baseline of that name exists already');
  });

  it("refuses CIs that are not CIs of the project, naming them", () => {
    spec.given([started]).when(take("B", { kind: "cis", ciIds: ["crm-db", "ghost", "phantom"] }), facts()).thenError("unknown_ci", "ghost, phantom are not CIs of the project");
  });

  it("refuses a retired CI in a list", () => {
    spec.given([started]).when(take("B", { kind: "cis", ciIds: ["old-db"] }), facts()).thenError("ci_retired", "old-db is retired");
  });

  it("refuses a type the policy does not know, and accepts a custom one it declares", () => {
    spec.given([started]).when(take("B", { kind: "types", ciTypes: ["queue"] }), facts()).thenError("unknown_ci_type", "queue is not a CI type of this policy");
    const policy = resolvePolicy({ ciTypes: ["queue"] });
    if (policy._tag === "Left") throw new Error(policy.left);
    spec.given([started]).when(take("B", { kind: "types", ciTypes: ["queue"] }), facts({ policy: policy.right, cis: [ci("orders", "queue")] })).then([
      taken("B", { kind: "types", ciTypes: ["queue"] }, [{ ciId: "orders", ciType: "queue", version: 3 }]),
    ]);
  });

  it("refuses a scope that holds no CI its kind covers", () => {
    spec.given([started]).when(take("B", { kind: "types", ciTypes: ["document"] }), facts()).thenError("empty_baseline", "its scope holds no CI a project baseline covers (statuses planned, in_development, in_test, in_production)");
    spec.given([started]).when(take("B", { kind: "all" }), facts({ cis: [ci("old-db", "database", "retired")] })).thenError("empty_baseline");
  });

  it("refuses when the engine supplies no CIs", () => {
    const { cis: _cis, ...withoutCis } = facts();
    spec.given([started]).when(take("B", { kind: "all" }), withoutCis).thenError("missing_fact", "facts.cis");
  });
});

describe("service levels", () => {
  const crmLevels = { service: "crm", availabilityPercent: 99.5, targets: { "1": { responseMinutes: 15, resolutionMinutes: 240 } } };
  const mailLevels = { service: "mail", targets: { "3": { responseMinutes: 240, resolutionMinutes: 1440 } } };

  it("are agreed per service, a later agreement replacing a service's earlier one", () => {
    const first = spec.given([started]).when(command({ type: "project.agree_service_levels", serviceLevels: [crmLevels, mailLevels] }), facts()).then([
      { type: "project.service_levels_agreed", data: { ...stamp, serviceLevels: [crmLevels, mailLevels] } },
    ]);
    expect(Object.keys(first.serviceLevels)).toEqual(["crm", "mail"]);
    const revised = { ...crmLevels, availabilityPercent: 99.9 };
    const history: ProjectEvent[] = [started, { type: "project.service_levels_agreed", data: { ...stamp, serviceLevels: [crmLevels, mailLevels] } }];
    const second = spec.given(history).when(command({ type: "project.agree_service_levels", serviceLevels: [revised] }), facts()).then([
      { type: "project.service_levels_agreed", data: { ...stamp, serviceLevels: [revised] } },
    ]);
    expect(second.serviceLevels).toEqual({ crm: revised, mail: mailLevels });
  });

  it("refuses a service listed twice in one agreement", () => {
    spec.given([started]).when(command({ type: "project.agree_service_levels", serviceLevels: [crmLevels, crmLevels] }), facts()).thenError("duplicate_service", "service crm is listed twice");
  });

  it("refuses levels without any target, or with an availability above 100, when parsed", () => {
    expect(() => command({ type: "project.agree_service_levels", serviceLevels: [{ service: "crm", targets: {} }] })).toThrow(/at least one priority/);
    expect(() => command({ type: "project.agree_service_levels", serviceLevels: [{ ...crmLevels, availabilityPercent: 101 }] })).toThrow();
  });
});
