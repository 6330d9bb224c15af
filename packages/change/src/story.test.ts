import { createInMemoryEventStore, fixedClock, handleCommand, loadStream, sequentialIds } from "@handover/core";
import { describe, expect, it } from "vitest";
import { ChangeCommand } from "./commands.js";
import { changeDecider, streamIdOfChange } from "./decide.js";
import { changeCatalogue } from "./events.js";
import { at, factsFor, people } from "./fixtures/change-fixtures.js";

/** Each step: who, when, and the command as JSON, as it would arrive at the engine. */
const steps: readonly [string, string, unknown][] = [
  [people.requester, at("09:00"), { type: "change.raise", changeId: "C-17", changeType: "emergency", scope: { level: "solution", ciIds: ["crm-db"] }, title: "Patch the CRM database" }],
  [people.assessor, at("09:10"), { type: "change.assess", changeId: "C-17", risk: "medium", impactSummary: "10 minutes down", affectedCis: ["crm-app"], implementationPlan: "apply the patch", testPlan: "smoke tests", backOutPlan: "restore" }],
  [people.ecab, at("09:20"), { type: "change.vote", changeId: "C-17", vote: "approve", comment: "go" }],
  [people.developer, at("09:30"), { type: "change.start_implementation", changeId: "C-17" }],
  [people.developer, at("09:45"), { type: "change.complete_implementation", changeId: "C-17", outcome: "successful" }],
  [people.cab1, at("10:00", 3), { type: "change.vote", changeId: "C-17", vote: "approve", comment: "sound call" }],
  [people.cab2, at("10:05", 3), { type: "change.vote", changeId: "C-17", vote: "approve", comment: "agreed" }],
  [people.assessor, at("11:00", 3), { type: "change.review", changeId: "C-17", result: "successful", lessons: "keep the patch runbook current" }],
  [people.assessor, at("11:30", 3), { type: "change.close", changeId: "C-17" }],
];

describe("an emergency change from raising to closing, through a store that checks every event against the catalogue", () => {
  it("parses each command, appends only events that pass their schemas, and replays to a closed change", async () => {
    const store = createInMemoryEventStore({ catalogue: changeCatalogue, clock: fixedClock(at("12:00", 3)), ids: sequentialIds("e") });
    const streamId = streamIdOfChange("C-17");
    for (const [actor, when, json] of steps) {
      const command = ChangeCommand.parse(json);
      const result = await handleCommand(store, changeDecider, streamId, command, { actor, occurredAt: when }, { facts: factsFor(actor, when) });
      if (result._tag === "Left") throw new Error(`${command.type}: ${result.left.message}`);
    }
    const { state, version } = await loadStream(store, changeDecider, streamId);
    expect(version).toBe(11);
    expect(state).toMatchObject({
      status: "closed",
      authorisation: { basis: "ecab", approvers: [people.ecab] },
      retrospectiveReview: { verdict: "endorsed", approvers: [people.cab1, people.cab2] },
      implementation: { outcome: "successful" },
    });
  });

  it("refuses a malformed command with the field at fault", () => {
    const parsed = ChangeCommand.safeParse({ type: "change.raise", changeId: "C-18", changeType: "normal", scope: { level: "solution", ciIds: [] }, title: "x" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("a solution-level change names at least one CI");
  });
});
