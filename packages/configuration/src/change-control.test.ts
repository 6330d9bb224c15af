import { asId } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import type { ChangeControlBreachReason, ChangeControlRecord } from "./change-control-record.js";
import type { ConfigurationEvent } from "./events.js";
import { configurationDecider } from "./decider.js";
import type { ChangeControlFacts, NamedChangeFacts } from "./facts.js";
import { at, by, c17, command, crmDb, facts, registered, relationshipAdded, dbServer, targetFacts, windowAroundAt } from "./fixtures/ci-fixtures.js";

const spec = deciderSpec(configurationDecider);
const setPort = (changeId?: string) => command({ type: "ci.set_attribute", name: "port", value: 5433, ...(changeId === undefined ? {} : { changeId }) });
const portSet = (changeControl: ChangeControlRecord): ConfigurationEvent => ({ type: "configuration.attribute_set", data: { ciId: crmDb, at, by, changeControl, name: "port", newValue: 5433 } });

const goodChange: NamedChangeFacts = { changeId: c17, authorised: true, ciIds: [crmDb], window: windowAroundAt };
const controlled = (mode: "enforce" | "record", change?: NamedChangeFacts): ChangeControlFacts => ({
  required: true,
  mode,
  because: "crm-db is in production scope",
  ...(change === undefined ? {} : { change }),
});

/** Each way a change can fail to cover the command, and the words that say so. */
const breaches: { reason: ChangeControlBreachReason; changeId?: string; change?: NamedChangeFacts; says: string }[] = [
  { reason: "no_change_named", says: "no change is named" },
  { reason: "change_unknown", changeId: "C-99", change: goodChange, says: "change C-99 is not known" },
  { reason: "change_unknown", changeId: "C-17", says: "change C-17 is not known" },
  { reason: "change_not_authorised", changeId: "C-17", change: { ...goodChange, authorised: false }, says: "change C-17 is not authorised" },
  { reason: "ci_not_named", changeId: "C-17", change: { ...goodChange, ciIds: [asId.ci("crm-app")] }, says: "change C-17 does not name crm-db" },
  { reason: "no_window", changeId: "C-17", change: { changeId: c17, authorised: true, ciIds: [crmDb] }, says: "change C-17 has no implementation window" },
  {
    reason: "outside_window",
    changeId: "C-17",
    change: { ...goodChange, window: { start: "2026-03-13T08:00:00.000Z", end: "2026-03-13T10:00:00.000Z" } },
    says: `the window of change C-17 (2026-03-13T08:00:00.000Z to 2026-03-13T10:00:00.000Z) does not contain ${at}`,
  },
];

describe("change control does not apply", () => {
  it("accepts a command without a change and records that control did not apply", () => {
    spec.given([registered()]).when(setPort(), facts()).then([portSet({ required: false })]);
  });

  it("keeps the change a command names, without judging it", () => {
    spec.given([registered()]).when(setPort("C-17"), facts()).then([portSet({ required: false, changeId: c17 })]);
  });
});

describe("change control in enforce mode", () => {
  it("accepts a command under an authorised change that names the CI and whose window contains the time", () => {
    spec.given([registered()]).when(setPort("C-17"), facts({ changeControl: controlled("enforce", goodChange) })).then([portSet({ required: true, changeId: c17 })]);
  });

  it("accepts a command at the last instant of the window", () => {
    const lastMinute = facts({ at: windowAroundAt.end, changeControl: controlled("enforce", goodChange) });
    spec.given([registered()]).when(setPort("C-17"), lastMinute).then([
      { type: "configuration.attribute_set", data: { ciId: crmDb, at: windowAroundAt.end, by, changeControl: { required: true, changeId: c17 }, name: "port", newValue: 5433 } },
    ]);
  });

  it.each(breaches)("refuses when $says, naming the CI and what would satisfy the rule", ({ changeId, change, says, reason }) => {
    const error = spec.given([registered()]).when(setPort(changeId), facts({ changeControl: controlled("enforce", change) })).thenError("change_not_authorised", says);
    expect(error.message).toBe(
      `CI crm-db is under change control (crm-db is in production scope): ${says}; name an authorised change that names crm-db and whose window contains ${at}`,
    );
    expect(error.details).toMatchObject({ ciId: crmDb, reason });
  });

  it("covers every state-changing command, registration and status moves included", () => {
    const enforce = facts({ changeControl: controlled("enforce"), relationshipTarget: targetFacts(dbServer) });
    spec.given([]).when(command({ type: "ci.register", ciType: "database", name: "CRM", owner: "u-dba" }), enforce).thenError("change_not_authorised");
    spec.given([registered()]).when(command({ type: "ci.start_development" }), enforce).thenError("change_not_authorised");
    spec.given([registered()]).when(command({ type: "ci.transfer_owner", owner: "u-ops" }), enforce).thenError("change_not_authorised");
    spec.given([registered()]).when(command({ type: "ci.add_relationship", relationship: "runs_on", targetCiId: "db-01" }), enforce).thenError("change_not_authorised");
    spec.given([registered(crmDb, { port: 1 })]).when(command({ type: "ci.unset_attribute", name: "port" }), enforce).thenError("change_not_authorised");
    spec.given([registered(), relationshipAdded("runs_on", dbServer)]).when(command({ type: "ci.remove_relationship", relationship: "runs_on", targetCiId: "db-01" }), enforce).thenError("change_not_authorised");
  });

  it("lets the command's own rules speak first, and lets a command that changes nothing pass", () => {
    const enforce = facts({ changeControl: controlled("enforce"), relationshipTarget: targetFacts(dbServer) });
    spec.given([registered(), relationshipAdded("runs_on", dbServer)]).when(command({ type: "ci.add_relationship", relationship: "runs_on", targetCiId: "db-01" }), enforce).thenError("duplicate_relationship");
    spec.given([registered()]).when(command({ type: "ci.transfer_owner", owner: "u-dba" }), enforce).thenNothing();
  });
});

describe("change control in record mode", () => {
  it.each(breaches)("accepts when $says, and the event records the breach", ({ changeId, change, says, reason }) => {
    const named = changeId === undefined ? {} : { changeId: asId.change(changeId) };
    spec.given([registered()]).when(setPort(changeId), facts({ changeControl: controlled("record", change) })).then([portSet({ required: true, ...named, breach: { reason, message: says } })]);
  });

  it("records no breach when the change covers the command", () => {
    spec.given([registered()]).when(setPort("C-17"), facts({ changeControl: controlled("record", goodChange) })).then([portSet({ required: true, changeId: c17 })]);
  });
});
