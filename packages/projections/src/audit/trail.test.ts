import { describe, expect, it } from "vitest";
import { authorisedChange, enterSystemTest, register, startCrm } from "../fixtures/crm-story.js";
import { createScenario, people, t } from "../fixtures/scenario.js";
import { auditTrail } from "./trail.js";

function story() {
  const s = createScenario();
  startCrm(s, "initiation");
  register(s, "crm-db", "database", t(2));
  enterSystemTest(s, t(3));
  authorisedChange(s, "C-17", ["crm-db"], { start: t(5, "22:00"), end: t(5, "23:00") }, 4);
  s.ci(people.cm, t(5, "22:15"), { type: "ci.set_attribute", ciId: "crm-db", name: "version", value: "16", changeId: "C-17" }, { correlationId: "deploy-42" });
  s.change(people.dev, t(5, "22:10"), { type: "change.start_implementation", changeId: "C-17" }, { correlationId: "deploy-42" });
  return s.log();
}

describe("auditTrail", () => {
  const log = story();

  it("answers who approved change C-17: its own events and the events that name it, with correlation ids", () => {
    const trail = auditTrail(log, { entityId: "C-17" });
    expect(trail.map((entry) => [entry.type, entry.actor, entry.relation])).toEqual([
      ["change.raised", people.requester, "subject"],
      ["change.assessed", people.assessor, "subject"],
      ["change.vote_cast", people.cab1, "subject"],
      ["change.authorised", people.cab1, "subject"],
      ["change.scheduled", people.assessor, "subject"],
      ["configuration.attribute_set", people.cm, "mentioned"],
      ["change.implementation_started", people.dev, "subject"],
    ]);
    expect(trail.find((entry) => entry.type === "change.vote_cast")).toMatchObject({ entityId: "C-17", streamId: "change-C-17", at: t(4, "08:20"), data: { vote: "approve" } });
    expect(trail.filter((entry) => entry.correlationId === "deploy-42").map((entry) => entry.position)).toEqual([log.length - 1, log.length]);
  });

  it("takes a stream id too, and filters by actor, business-time window and type", () => {
    expect(auditTrail(log, { entityId: "change-C-17", actor: people.assessor }).map((entry) => entry.type)).toEqual(["change.assessed", "change.scheduled"]);
    expect(auditTrail(log, { from: "2026-03-05", to: t(5, "22:12") }).map((entry) => entry.type)).toEqual(["change.implementation_started"]);
    expect(auditTrail(log, { types: ["project.phase_entered"] }).map((entry) => (entry.data as { to: string }).to)).toEqual(["design", "build", "system_test"]);
  });

  it("reads the log as of a position", () => {
    expect(auditTrail(log, { entityId: "crm-db", toPosition: 5 }).map((entry) => entry.type)).toEqual(["configuration.ci_registered"]);
  });
});
