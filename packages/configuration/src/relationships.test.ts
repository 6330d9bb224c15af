import { asId } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { configurationDecider } from "./decider.js";
import { command, common, crmApp, crmDb, dbServer, facts, historyTo, registered, relationshipAdded, targetFacts } from "./fixtures/ci-fixtures.js";
import { inverseRelationships, relationshipsOf } from "./relationships.js";

const spec = deciderSpec(configurationDecider);
const add = (relationship: string, targetCiId: string) => command({ type: "ci.add_relationship", relationship, targetCiId });
const remove = (relationship: string, targetCiId: string) => command({ type: "ci.remove_relationship", relationship, targetCiId });

describe("adding relationships", () => {
  it("stores the relationship on the source CI", () => {
    const state = spec.given([registered()]).when(add("runs_on", "db-01"), facts({ relationshipTarget: targetFacts(dbServer) })).then([
      { type: "configuration.relationship_added", data: { ...common(), relationship: { type: "runs_on", targetCiId: dbServer } } },
    ]);
    expect(state.relationships).toEqual([{ type: "runs_on", targetCiId: dbServer }]);
  });

  it("refuses a relationship to the CI itself", () => {
    spec.given([registered()]).when(add("depends_on", "crm-db"), facts({ relationshipTarget: targetFacts(crmDb) })).thenError("relationship_to_itself", "CI crm-db depends_on crm-db: a CI cannot be related to itself");
  });

  it("refuses a duplicate", () => {
    spec.given([registered(), relationshipAdded("runs_on", dbServer)]).when(add("runs_on", "db-01"), facts({ relationshipTarget: targetFacts(dbServer) })).thenError("duplicate_relationship", "CI crm-db runs_on db-01: this relationship exists already");
  });

  it("accepts another type to the same target", () => {
    spec.given([registered(), relationshipAdded("runs_on", dbServer)]).when(add("hosted_on", "db-01"), facts({ relationshipTarget: targetFacts(dbServer) })).then([
      { type: "configuration.relationship_added", data: { ...common(), relationship: { type: "hosted_on", targetCiId: dbServer } } },
    ]);
  });

  it("refuses a symmetric relationship the target already stores towards this CI", () => {
    const target = targetFacts(crmApp, "in_test", [{ type: "connects_to", targetCiId: crmDb }]);
    spec.given([registered()]).when(add("connects_to", "crm-app"), facts({ relationshipTarget: target })).thenError("duplicate_relationship", "stored on crm-app as crm-app connects_to crm-db");
  });

  it("accepts an asymmetric relationship whose reverse the target stores (a different fact)", () => {
    const target = targetFacts(crmApp, "in_test", [{ type: "contains", targetCiId: crmDb }]);
    spec.given([registered()]).when(add("contains", "crm-app"), facts({ relationshipTarget: target })).then([
      { type: "configuration.relationship_added", data: { ...common(), relationship: { type: "contains", targetCiId: crmApp } } },
    ]);
  });

  it("refuses a retired target, since the target's status is a fact", () => {
    spec.given([registered()]).when(add("runs_on", "db-01"), facts({ relationshipTarget: targetFacts(dbServer, "retired") })).thenError("relationship_target_retired", "db-01 is retired");
  });

  it("refuses a target that is not registered", () => {
    spec.given([registered()]).when(add("runs_on", "db-01"), facts({ relationshipTarget: targetFacts(dbServer, "none") })).thenError("relationship_target_unknown", "db-01 is not a registered CI");
  });

  it("refuses when the engine did not supply the target, or supplied another CI", () => {
    spec.given([registered()]).when(add("runs_on", "db-01"), facts()).thenError("missing_fact", "facts.relationshipTarget for db-01");
    spec.given([registered()]).when(add("runs_on", "db-01"), facts({ relationshipTarget: targetFacts(crmApp) })).thenError("missing_fact");
  });

  it("accepts every target status but retired", () => {
    for (const status of ["planned", "in_development", "in_test", "in_production"] as const) {
      spec.given([registered()]).when(add("runs_on", "db-01"), facts({ relationshipTarget: targetFacts(dbServer, status) })).then([
        { type: "configuration.relationship_added", data: { ...common(), relationship: { type: "runs_on", targetCiId: dbServer } } },
      ]);
    }
  });
});

describe("removing relationships", () => {
  it("removes a stored relationship", () => {
    const state = spec.given([registered(), relationshipAdded("runs_on", dbServer), relationshipAdded("depends_on", crmApp)]).when(remove("runs_on", "db-01"), facts()).then([
      { type: "configuration.relationship_removed", data: { ...common(), relationship: { type: "runs_on", targetCiId: dbServer } } },
    ]);
    expect(state.relationships).toEqual([{ type: "depends_on", targetCiId: crmApp }]);
  });

  it("refuses to remove a relationship the CI does not store, naming the ones it does", () => {
    spec.given([registered(), relationshipAdded("depends_on", crmApp)]).when(remove("runs_on", "db-01"), facts()).thenError("relationship_not_found", "it stores: depends_on crm-app");
  });

  it("lets a retired CI drop its relationships", () => {
    spec.given([...historyTo("retired"), relationshipAdded("runs_on", dbServer)]).when(remove("runs_on", "db-01"), facts()).then([
      { type: "configuration.relationship_removed", data: { ...common(), relationship: { type: "runs_on", targetCiId: dbServer } } },
    ]);
  });
});

describe("derived inverses", () => {
  const app = { ciId: crmApp, relationships: [{ type: "depends_on", targetCiId: crmDb }, { type: "connects_to", targetCiId: asId.ci("ldap") }] } as const;
  const db = { ciId: crmDb, relationships: [{ type: "runs_on", targetCiId: dbServer }] } as const;
  const ldap = { ciId: asId.ci("ldap"), relationships: [{ type: "connects_to", targetCiId: crmApp }] } as const;

  it("names each relationship from its target's side", () => {
    const inverses = inverseRelationships([app, db]);
    expect(inverses.get(crmDb)).toEqual([{ type: "used_by", ciId: crmApp }]);
    expect(inverses.get(dbServer)).toEqual([{ type: "runs", ciId: crmDb }]);
    expect(inverses.get(asId.ci("ldap"))).toEqual([{ type: "connects_to", ciId: crmApp }]);
    expect(inverses.has(crmApp)).toBe(false);
  });

  it("shows one CI's relationships both ways, a symmetric pair stored from both ends once", () => {
    expect(relationshipsOf(crmApp, [app, db, ldap])).toEqual([
      { direction: "outgoing", type: "depends_on", ciId: crmDb },
      { direction: "outgoing", type: "connects_to", ciId: asId.ci("ldap") },
    ]);
    expect(relationshipsOf(crmDb, [app, db, ldap])).toEqual([
      { direction: "outgoing", type: "runs_on", ciId: dbServer },
      { direction: "incoming", type: "used_by", ciId: crmApp },
    ]);
  });
});
