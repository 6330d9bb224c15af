import { asId } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { configurationDecider } from "./decider.js";
import { command, common, facts, registered } from "./fixtures/ci-fixtures.js";

const spec = deciderSpec(configurationDecider);

describe("attributes", () => {
  it("sets a new attribute without an old value", () => {
    const state = spec.given([registered()]).when(command({ type: "ci.set_attribute", name: "engine", value: "postgres" }), facts()).then([
      { type: "configuration.attribute_set", data: { ...common(), name: "engine", newValue: "postgres" } },
    ]);
    expect(state.attributes).toEqual({ engine: "postgres" });
  });

  it("sets an attribute that has a value, recording the old and the new value", () => {
    const state = spec.given([registered(undefined, { version: "15" })]).when(command({ type: "ci.set_attribute", name: "version", value: "16" }), facts()).then([
      { type: "configuration.attribute_set", data: { ...common(), name: "version", oldValue: "15", newValue: "16" } },
    ]);
    expect(state.attributes).toEqual({ version: "16" });
  });

  it("records null as an old value, distinct from having none", () => {
    spec.given([registered(undefined, { backup: null })]).when(command({ type: "ci.set_attribute", name: "backup", value: "nightly" }), facts()).then([
      { type: "configuration.attribute_set", data: { ...common(), name: "backup", oldValue: null, newValue: "nightly" } },
    ]);
  });

  it("changes nothing when the value is the one it has, even with keys in another order", () => {
    const given = [registered(undefined, { limits: { cpu: 2, memory: "4Gi" } })];
    spec.given(given).when(command({ type: "ci.set_attribute", name: "limits", value: { memory: "4Gi", cpu: 2 } }), facts()).thenNothing();
  });

  it("unsets an attribute, recording the value it had", () => {
    const state = spec.given([registered(undefined, { port: 5432, engine: "postgres" })]).when(command({ type: "ci.unset_attribute", name: "port" }), facts()).then([
      { type: "configuration.attribute_unset", data: { ...common(), name: "port", oldValue: 5432 } },
    ]);
    expect(state.attributes).toEqual({ engine: "postgres" });
  });

  it("refuses to unset an attribute that is not set, naming the ones that are", () => {
    spec.given([registered(undefined, { port: 5432 })]).when(command({ type: "ci.unset_attribute", name: "engine" }), facts()).thenError("attribute_not_set", 'CI crm-db has no attribute "engine" to unset; it has: port');
  });

  it("does not mistake an inherited object member for an attribute", () => {
    spec.given([registered()]).when(command({ type: "ci.unset_attribute", name: "constructor" }), facts()).thenError("attribute_not_set", "it has no attributes");
    spec.given([registered()]).when(command({ type: "ci.set_attribute", name: "toString", value: "x" }), facts()).then([
      { type: "configuration.attribute_set", data: { ...common(), name: "toString", newValue: "x" } },
    ]);
  });

  it("refuses an attribute name that is not a name, with the field path", () => {
    const parsed = () => command({ type: "ci.set_attribute", name: "__proto__", value: 1 });
    expect(parsed).toThrow(/expected an attribute name/);
  });
});

describe("owner", () => {
  it("transfers the CI to a new owner, recording both", () => {
    const state = spec.given([registered()]).when(command({ type: "ci.transfer_owner", owner: "u-ops" }), facts()).then([
      { type: "configuration.owner_transferred", data: { ...common(), from: asId.actor("u-dba"), to: asId.actor("u-ops") } },
    ]);
    expect(state.owner).toBe("u-ops");
  });

  it("changes nothing when the new owner is the owner", () => {
    spec.given([registered()]).when(command({ type: "ci.transfer_owner", owner: "u-dba" }), facts()).thenNothing();
  });
});
