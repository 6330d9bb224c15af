import { fold } from "@handover/core";
import { decideWithRules, resolvePolicy, ruledDecider, type RuleMode } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import type { ChangeControlRecord } from "./change-control-record.js";
import { ciChangedUnderAuthorisedChange } from "./change-control.js";
import { configurationDecider } from "./decider.js";
import { configurationProcess } from "./descriptor.js";
import type { ConfigurationEvent } from "./events.js";
import type { NamedChangeVerdict } from "./facts.js";
import { at, by, c17, command, crmDb, dbServer, facts, registered, relationshipAdded, targetFacts } from "./fixtures/ci-fixtures.js";

const spec = deciderSpec(ruledDecider(configurationProcess));
const setPort = (changeId?: string) => command({ type: "ci.set_attribute", name: "port", value: 5433, ...(changeId === undefined ? {} : { changeId }) });
const portSet = (changeControl: ChangeControlRecord): ConfigurationEvent => ({ type: "configuration.attribute_set", data: { ciId: crmDb, at, by, changeControl, name: "port", newValue: 5433 } });

const covers: NamedChangeVerdict = { changeId: c17, covers: true };
function controlled(mode: RuleMode, namedChange?: NamedChangeVerdict) {
  const policy = resolvePolicy({ rules: { ci_change_authorised: mode } });
  if (policy._tag === "Left") throw new Error(policy.left);
  return facts({ policy: policy.right, changeControl: { required: true, mode, because: "crm-db is in production scope" }, ...(namedChange === undefined ? {} : { namedChange }) });
}

/** Each way a change can fail to cover the command, and the words that say so. */
const gaps: { changeId?: string; namedChange?: NamedChangeVerdict; says: string }[] = [
  { says: "no change is named" },
  { changeId: "C-99", namedChange: covers, says: "change C-99 is not in the log before this event" },
  { changeId: "C-17", says: "change C-17 is not in the log before this event" },
  { changeId: "C-17", namedChange: { changeId: c17, covers: false, message: "change C-17 is assessed, not an authorisation in force" }, says: "change C-17 is assessed, not an authorisation in force" },
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
  it("accepts a command under a change that covers the CI at the command's time", () => {
    spec.given([registered()]).when(setPort("C-17"), controlled("enforce", covers)).then([portSet({ required: true, changeId: c17 })]);
  });

  it.each(gaps)("refuses when $says, naming the CI, the change made and what would satisfy the rule", ({ changeId, namedChange, says }) => {
    const error = spec.given([registered()]).when(setPort(changeId), controlled("enforce", namedChange)).thenError("change_not_authorised", says);
    expect(error.message).toBe(
      `CI crm-db attribute port set under change control (crm-db is in production scope) without an authorised change: ${says}; name an authorised change that names crm-db and whose window contains ${at}`,
    );
    expect(error.details).toMatchObject({ rule: "ci_change_authorised", ciId: crmDb });
  });

  it("covers every state-changing command, registration and status moves included", () => {
    const enforce = { ...controlled("enforce"), relationshipTarget: targetFacts(dbServer) };
    spec.given([]).when(command({ type: "ci.register", ciType: "database", name: "CRM", owner: "u-dba" }), enforce).thenError("change_not_authorised", "CI crm-db registered under change control");
    spec.given([registered()]).when(command({ type: "ci.start_development" }), enforce).thenError("change_not_authorised", "moved from planned to in_development");
    spec.given([registered()]).when(command({ type: "ci.transfer_owner", owner: "u-ops" }), enforce).thenError("change_not_authorised");
    spec.given([registered()]).when(command({ type: "ci.add_relationship", relationship: "runs_on", targetCiId: "db-01" }), enforce).thenError("change_not_authorised");
    spec.given([registered(crmDb, { port: 1 })]).when(command({ type: "ci.unset_attribute", name: "port" }), enforce).thenError("change_not_authorised");
    spec.given([registered(), relationshipAdded("runs_on", dbServer)]).when(command({ type: "ci.remove_relationship", relationship: "runs_on", targetCiId: "db-01" }), enforce).thenError("change_not_authorised");
  });

  it("lets the command's own rules speak first, and lets a command that changes nothing pass", () => {
    const enforce = { ...controlled("enforce"), relationshipTarget: targetFacts(dbServer) };
    spec.given([registered(), relationshipAdded("runs_on", dbServer)]).when(command({ type: "ci.add_relationship", relationship: "runs_on", targetCiId: "db-01" }), enforce).thenError("duplicate_relationship");
    spec.given([registered()]).when(command({ type: "ci.transfer_owner", owner: "u-dba" }), enforce).thenNothing();
  });
});

describe("change control in record mode", () => {
  it.each(gaps)("accepts when $says, and the event keeps the breach for its meta", ({ changeId, namedChange, says }) => {
    const recorded = controlled("record", namedChange);
    const decided = decideWithRules(configurationProcess, setPort(changeId), stateAfterRegistration(), recorded, () => recorded);
    expect(decided._tag).toBe("Right");
    if (decided._tag === "Right") expect(decided.right.breaches).toEqual([[{ rule: "ci_change_authorised", message: expect.stringContaining(says) }]]);
  });

  it("records no breach when the change covers the command", () => {
    const decided = decideWithRules(configurationProcess, setPort("C-17"), stateAfterRegistration(), controlled("record", covers), () => controlled("record", covers));
    expect(decided._tag === "Right" && decided.right.breaches).toEqual([[]]);
  });
});

describe("the rule alone, as the audit calls it on an event", () => {
  it("judges the event by the change it records and the verdict of its time", () => {
    const event = portSet({ required: true, changeId: c17 });
    expect(ciChangedUnderAuthorisedChange.check(configurationDecider.initialState, event, controlled("enforce", covers))).toBeUndefined();
    expect(ciChangedUnderAuthorisedChange.check(configurationDecider.initialState, event, controlled("record"))?.message).toContain("change C-17 is not in the log before this event");
    expect(ciChangedUnderAuthorisedChange.check(configurationDecider.initialState, portSet({ required: false }), facts())).toBeUndefined();
  });
});

function stateAfterRegistration() {
  return fold(configurationDecider, [registered()]);
}
