import { createInMemoryEventStore, sequentialIds } from "@handover/core";
import { createHandover } from "@handover/engine";
import { describe, expect, it } from "vitest";
import { createAgenda } from "./agenda.js";
import { correlationOf, createRecordingClock, inStoryOrder, playSteps } from "./play.js";

function handoverWithClock() {
  const clock = createRecordingClock("2025-09-01T09:00:00.000Z");
  const store = createInMemoryEventStore({ clock, ids: sequentialIds("t") });
  return { clock, handover: createHandover({ store, clock, policy: { roles: { ben: ["configuration_manager"] } } }) };
}

describe("playing the story", () => {
  it("plays steps in business-time order and records when a step does not go as the story says", async () => {
    const agenda = createAgenda();
    const setup = agenda.chapter("setup");
    setup.does("2025-09-01 10:00", "ben", { type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "ben" });
    setup.does("2025-09-01 09:00", "anna", { type: "project.start", projectId: "p", name: "P", manager: "anna" });
    setup.does("2025-09-01 11:00", "anna", { type: "project.enter_phase", projectId: "p", phase: "initiation" });
    setup.isRefused("2025-09-01 12:00", "anna", { type: "incident.log", incidentId: "I-1", title: "early", impact: 3, urgency: 3 }, "approver_role", "a wrong expectation");
    setup.isRefused("2025-09-01 13:00", "ben", { type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "pg" }, "change_not_authorised", "a wrong expectation");
    const { clock, handover } = handoverWithClock();
    const outcomes = await playSteps(handover, agenda.steps, clock);
    expect(outcomes.map((outcome) => [outcome.commandId, outcome.step.command.type, outcome.asExpected])).toEqual([
      ["crm-0001", "project.start", true],
      ["crm-0002", "ci.register", true],
      ["crm-0003", "project.enter_phase", false],
      ["crm-0004", "incident.log", false],
      ["crm-0005", "ci.set_attribute", false],
    ]);
    expect(outcomes[3]?.result).toMatchObject({ outcome: "refused", code: "phase_gate" });
  });

  it("records each event just as it happens, never before it occurred and never backwards", async () => {
    const clock = createRecordingClock("2025-09-01T09:00:00.000Z");
    clock.advanceTo("2025-09-02T08:00:00.000Z");
    expect(clock()).toBe("2025-09-02T08:00:00.000Z");
    clock.advanceTo("2025-09-01T08:00:00.000Z");
    expect(clock()).toBe("2025-09-02T08:00:00.001Z");
  });

  it("keeps the written order of steps at the same time, and correlates CI work with the change it is done under", () => {
    const agenda = createAgenda();
    const chapter = agenda.chapter("c");
    chapter.does("2025-09-01 10:00", "a", { type: "ci.start_test", ciId: "x", changeId: "CHG-1" });
    chapter.does("2025-09-01 10:00", "a", { type: "ci.start_test", ciId: "y" });
    chapter.does("2025-09-01 09:00", "a", { type: "problem.resolve", problemId: "PRB-1", changeId: "CHG-1" });
    expect(inStoryOrder(agenda.steps).map((step) => correlationOf(step.command))).toEqual(["PRB-1", "CHG-1", "y"]);
  });
});
