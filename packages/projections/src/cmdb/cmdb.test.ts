import { describe, expect, it } from "vitest";
import { createScenario, people, policyWith, t } from "../fixtures/scenario.js";
import { cmdbAsOf } from "./projection.js";

function crmStory() {
  // Change control in record mode: the changes after the production baseline are accepted and flagged.
  const s = createScenario(policyWith({ rules: { ci_change_authorised: "record" } }));
  s.project(people.pm, t(1), { type: "project.start", projectId: "crm", name: "CRM replacement", manager: people.pm });
  s.ci(people.cm, t(2), { type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM database", owner: "u-dba", attributes: { engine: "postgres" } });
  s.ci(people.cm, t(2, "10:00"), { type: "ci.register", ciId: "crm-app", ciType: "application", name: "CRM app", owner: "u-app" });
  s.ci(people.cm, t(3), { type: "ci.add_relationship", ciId: "crm-app", relationship: "depends_on", targetCiId: "crm-db" });
  s.ci(people.cm, t(4), { type: "ci.set_attribute", ciId: "crm-db", name: "version", value: "15" });
  s.ci(people.cm, t(5), { type: "ci.start_development", ciId: "crm-db" });
  s.ci(people.cm, t(5, "10:00"), { type: "ci.start_test", ciId: "crm-db" });
  s.project(people.pm, t(6), { type: "project.take_baseline", projectId: "crm", name: "go-live", kind: "production", scope: { kind: "cis", ciIds: ["crm-db"] } });
  // Recorded late: the owner changed on the 7th, the log learnt of it on the 20th.
  s.ci(people.cm, t(7), { type: "ci.transfer_owner", ciId: "crm-db", owner: "u-ops" }, { recordedAt: t(20) });
  s.ci(people.cm, t(8), { type: "ci.set_attribute", ciId: "crm-db", name: "version", value: "16" });
  return s.log();
}

describe("cmdbAsOf", () => {
  const log = crmStory();

  it("shows every CI with its type, name, owner, status, attributes, scope, version, relationships both ways and last change", () => {
    const cmdb = cmdbAsOf(log);
    expect(cmdb.position).toBe(log.length);
    expect(cmdb.cis.map((ci) => ci.ciId)).toEqual(["crm-db", "crm-app"]);
    const db = cmdb.byId.get("crm-db");
    expect(db).toMatchObject({
      ciType: "database",
      name: "CRM database",
      owner: "u-ops",
      status: "in_test",
      attributes: { engine: "postgres", version: "16" },
      scope: "production",
      productionSince: { baseline: "go-live", at: t(6), position: 8 },
      version: 6,
      relationships: [],
      inverses: [{ type: "used_by", ciId: "crm-app" }],
      registered: { position: 2, at: t(2) },
      lastChange: { position: 10, at: t(8), type: "configuration.attribute_set", actor: people.cm },
    });
    expect(cmdb.byId.get("crm-app")).toMatchObject({ scope: "project", productionSince: null, relationships: [{ type: "depends_on", targetCiId: "crm-db" }], inverses: [], version: 2 });
    expect(cmdb.baselines.map((baseline) => [baseline.name, baseline.kind, baseline.position])).toEqual([["go-live", "production", 8]]);
  });

  it("answers as of a business time: before the baseline the database is in project scope, in test, with its first version", () => {
    const cmdb = cmdbAsOf(log, { asOf: t(5, "12:00") });
    expect(cmdb.asOf).toBe(t(5, "12:00"));
    expect(cmdb.byId.get("crm-db")).toMatchObject({ scope: "project", owner: "u-dba", attributes: { version: "15" }, status: "in_test" });
  });

  it("accepts a date as the end of that day", () => {
    expect(cmdbAsOf(log, { asOf: "2026-03-06" }).byId.get("crm-db")?.scope).toBe("production");
    expect(cmdbAsOf(log, { asOf: "2026-03-05" }).byId.get("crm-db")?.scope).toBe("project");
  });

  it("tells what was true from what the log knew: the late owner change is missing as known on the 10th", () => {
    const known = cmdbAsOf(log, { knownAt: t(10) });
    expect(known.byId.get("crm-db")).toMatchObject({ owner: "u-dba", attributes: { version: "16" } });
    const bitemporal = cmdbAsOf(log, { asOf: t(7, "12:00"), knownAt: t(20) });
    expect(bitemporal.byId.get("crm-db")).toMatchObject({ owner: "u-ops", attributes: { version: "15" } });
  });

  it("cuts the log at a position", () => {
    const cmdb = cmdbAsOf(log, { toPosition: 3 });
    expect(cmdb.position).toBe(3);
    expect(cmdb.cis.map((ci) => ci.ciId)).toEqual(["crm-db", "crm-app"]);
    expect(cmdb.byId.get("crm-db")?.inverses).toEqual([]);
  });

  it("hands out a frozen result", () => {
    const cmdb = cmdbAsOf(log);
    expect(Object.isFrozen(cmdb)).toBe(true);
    expect(Object.isFrozen(cmdb.byId.get("crm-db")?.attributes)).toBe(true);
    expect(() => (cmdb.byId as Map<string, unknown>).set("x", 1)).toThrow(TypeError);
  });

  it("reads an async log the same way", async () => {
    async function* stream() {
      yield* log;
    }
    expect(await cmdbAsOf(stream(), { asOf: t(7, "12:00") })).toEqual(cmdbAsOf(log, { asOf: t(7, "12:00") }));
  });

  it("refuses a time it cannot read", () => {
    expect(() => cmdbAsOf(log, { asOf: "12 March" })).toThrow(/asOf/);
  });

  it("keeps inverses of a relationship to a CI registered later (history cut by time) and hands them over on registration", () => {
    const s = createScenario();
    s.project(people.pm, t(1), { type: "project.start", projectId: "crm", name: "CRM replacement", manager: people.pm });
    s.ci(people.cm, t(2), { type: "ci.register", ciId: "db", ciType: "database", name: "db", owner: "u-1" });
    s.ci(people.cm, t(3), { type: "ci.register", ciId: "app", ciType: "application", name: "app", owner: "u-1" });
    s.ci(people.cm, t(4), { type: "ci.add_relationship", ciId: "app", relationship: "runs_on", targetCiId: "db" });
    // The database's registration is back-dated: it occurred on the 5th, after the relationship.
    const events = s.log().map((event) => (event.position === 2 ? { ...event, meta: { ...event.meta, occurredAt: t(5) } } : event));
    const early = cmdbAsOf(events, { asOf: t(4, "12:00") });
    expect(early.byId.has("db")).toBe(false);
    expect(early.byId.get("app")?.relationships).toEqual([{ type: "runs_on", targetCiId: "db" }]);
    expect(cmdbAsOf(events).byId.get("db")?.inverses).toEqual([{ type: "runs", ciId: "app" }]);
  });
});
