import { acceptedCommands, lifecycleTable } from "@handover/core";
import { asId, CI_STATUSES, resolvePolicy, type CiStatus } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import type { ConfigurationCommand } from "./commands.js";
import type { ConfigurationEvent } from "./events.js";
import { configurationDecider } from "./decider.js";
import { command, common, crmApp, crmDb, facts, historyTo, registered, relationshipAdded, statusChanged, targetFacts } from "./fixtures/ci-fixtures.js";
import { ciLifecycle, type CiLifecycleCommand } from "./lifecycle.js";

const spec = deciderSpec(configurationDecider);

/** A valid command for each lifecycle command, on crm-db that stores `depends_on crm-app` and has attribute `port`. */
const sample: Record<CiLifecycleCommand, ConfigurationCommand> = {
  register: command({ type: "ci.register", ciType: "database", name: "CRM database", owner: "u-dba" }),
  start_development: command({ type: "ci.start_development" }),
  start_test: command({ type: "ci.start_test" }),
  return_to_development: command({ type: "ci.return_to_development" }),
  put_into_production: command({ type: "ci.put_into_production" }),
  retire: command({ type: "ci.retire" }),
  withdraw: command({ type: "ci.withdraw", reason: "the UAT server never goes live" }),
  set_attribute: command({ type: "ci.set_attribute", name: "port", value: 5433 }),
  unset_attribute: command({ type: "ci.unset_attribute", name: "port" }),
  transfer_owner: command({ type: "ci.transfer_owner", owner: "u-ops" }),
  add_relationship: command({ type: "ci.add_relationship", relationship: "runs_on", targetCiId: "db-01" }),
  remove_relationship: command({ type: "ci.remove_relationship", relationship: "depends_on", targetCiId: "crm-app" }),
};

/** A CI in `status` with an attribute and a relationship to edit. */
function furnishedIn(status: CiStatus): ConfigurationEvent[] {
  return [registered(crmDb, { port: 5432 }), relationshipAdded("depends_on", crmApp), ...historyTo(status).slice(1)];
}

/** The event each editing command yields on a furnished CI. */
const editEvents: Partial<Record<CiLifecycleCommand, ConfigurationEvent>> = {
  set_attribute: { type: "configuration.attribute_set", data: { ...common(), name: "port", oldValue: 5432, newValue: 5433 } },
  unset_attribute: { type: "configuration.attribute_unset", data: { ...common(), name: "port", oldValue: 5432 } },
  transfer_owner: { type: "configuration.owner_transferred", data: { ...common(), from: asId.actor("u-dba"), to: asId.actor("u-ops") } },
  add_relationship: { type: "configuration.relationship_added", data: { ...common(), relationship: { type: "runs_on", targetCiId: asId.ci("db-01") } } },
  remove_relationship: { type: "configuration.relationship_removed", data: { ...common(), relationship: { type: "depends_on", targetCiId: crmApp } } },
};

const lifecycleFacts = facts({ relationshipTarget: targetFacts(asId.ci("db-01")) });

describe("CI lifecycle table", () => {
  const edges = CI_STATUSES.flatMap((status) => (Object.entries(ciLifecycle[status]) as [CiLifecycleCommand, CiStatus][]).map(([verb, next]) => ({ status, verb, next })));

  it.each(edges)("$status accepts $verb and leads to $next", ({ status, verb, next }) => {
    const edit = editEvents[verb];
    const moved = statusChanged(status, next);
    const withdrawn = { ...moved, data: { ...moved.data, reason: "the UAT server never goes live" } } as ConfigurationEvent;
    const state = spec.given(furnishedIn(status)).when(sample[verb], lifecycleFacts).then([edit ?? (verb === "withdraw" ? withdrawn : moved)]);
    expect(state.status).toBe(next);
  });

  it("none accepts register and leads to planned", () => {
    const state = spec.given([]).when(sample.register, lifecycleFacts).then([{ type: "configuration.ci_registered", data: { ...common(), ciType: "database", name: "CRM database", owner: asId.actor("u-dba"), attributes: {} } }]);
    expect(state).toMatchObject({ status: "planned", ciId: crmDb, owner: "u-dba", attributes: {}, relationships: [] });
  });

  const refused = CI_STATUSES.flatMap((status) =>
    (Object.keys(sample) as CiLifecycleCommand[]).filter((verb) => verb !== "register" && !(verb in ciLifecycle[status])).map((verb) => ({ status, verb })),
  );

  it.each(refused)("$status refuses $verb, naming what it accepts", ({ status, verb }) => {
    const error = spec.given(furnishedIn(status)).when(sample[verb], lifecycleFacts).thenError("invalid_transition", `CI crm-db: cannot "${verb}" while "${status}"`);
    expect(error.message).toContain(`"${status}" accepts: ${acceptedCommands(ciLifecycle, status).join(", ")}`);
  });

  it("prints as a table for the docs", () => {
    expect(lifecycleTable(ciLifecycle)).toContain("| in_test | return_to_development | in_development |");
    expect(lifecycleTable(ciLifecycle)).toContain("| in_production | retire | retired |");
  });
});

describe("registering a CI", () => {
  it("refuses every other command before registration, saying how to register", () => {
    for (const verb of Object.keys(sample) as CiLifecycleCommand[]) {
      if (verb === "register") continue;
      spec.given([]).when(sample[verb], lifecycleFacts).thenError("ci_not_registered", "CI crm-db is not registered; register it with ci.register first");
    }
  });

  it("refuses to register an id twice", () => {
    spec.given(historyTo("in_test")).when(sample.register, lifecycleFacts).thenError("ci_already_registered", "CI crm-db is already registered (database \"crm-db name\", status in_test)");
  });

  it("keeps the first attributes given", () => {
    const registration = command({ type: "ci.register", ciType: "server", name: "DB host", owner: "u-ops", attributes: { cores: 8, tags: ["eu"] } });
    const state = spec.given([]).when(registration, lifecycleFacts).then([
      { type: "configuration.ci_registered", data: { ...common(), ciType: "server", name: "DB host", owner: asId.actor("u-ops"), attributes: { cores: 8, tags: ["eu"] } } },
    ]);
    expect(state.attributes).toEqual({ cores: 8, tags: ["eu"] });
  });

  it("refuses a type that is neither built in nor declared by the policy, listing the known types", () => {
    const queue = command({ type: "ci.register", ciType: "queue", name: "Orders queue", owner: "u-ops" });
    spec.given([]).when(queue, lifecycleFacts).thenError("unknown_ci_type", 'type "queue" is not a CI type of this policy; known types: application, service');
  });

  it("accepts a custom type the policy declares", () => {
    const policy = resolvePolicy({ ciTypes: ["queue"] });
    if (policy._tag === "Left") throw new Error(policy.left);
    const queue = command({ type: "ci.register", ciType: "queue", name: "Orders queue", owner: "u-ops" });
    spec.given([]).when(queue, facts({ policy: policy.right })).then([
      { type: "configuration.ci_registered", data: { ...common(), ciType: "queue", name: "Orders queue", owner: asId.actor("u-ops"), attributes: {} } },
    ]);
  });

  it("walks the whole path and back from test, one status event per step", () => {
    const walk: [ConfigurationCommand, CiStatus, CiStatus][] = [
      [sample.start_development, "planned", "in_development"],
      [sample.start_test, "in_development", "in_test"],
      [sample.return_to_development, "in_test", "in_development"],
      [sample.start_test, "in_development", "in_test"],
      [sample.put_into_production, "in_test", "in_production"],
      [sample.retire, "in_production", "retired"],
    ];
    const history: ConfigurationEvent[] = [registered()];
    for (const [step, from, to] of walk) {
      const state = spec.given(history).when(step, lifecycleFacts).then([statusChanged(from, to)]);
      expect(state.status).toBe(to);
      history.push(statusChanged(from, to));
    }
  });
});
