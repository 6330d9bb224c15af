import { describe, expect, it } from "vitest";
import { authorisedChange, enterSystemTest, register, startCrm } from "../fixtures/crm-story.js";
import { createScenario, people, policyWith, t } from "../fixtures/scenario.js";
import { changeCalendar } from "./change-calendar.js";

const freeze = { start: t(20, "00:00"), end: t(21, "00:00"), reason: "quarter end" };
const policy = policyWith({ blackouts: [freeze] });

function story() {
  const s = createScenario(policy);
  startCrm(s, "initiation");
  register(s, "db", "database", t(2));
  register(s, "app", "application", t(2));
  s.ci(people.cm, t(2, "10:00"), { type: "ci.add_relationship", ciId: "app", relationship: "depends_on", targetCiId: "db" });
  enterSystemTest(s, t(3));
  authorisedChange(s, "C-1", ["db"], { start: t(12, "22:00"), end: t(12, "23:00") }, 10);
  s.change(people.requester, t(11, "08:00"), { type: "change.raise", changeId: "C-2", changeType: "normal", scope: { level: "solution", ciIds: ["app"] }, title: "app upgrade" });
  s.change(people.assessor, t(11, "08:10"), { type: "change.assess", changeId: "C-2", risk: "low", impactSummary: "s", affectedCis: [], implementationPlan: "p", testPlan: "t", backOutPlan: "b" });
  s.change(people.cab1, t(11, "08:20"), { type: "change.vote", changeId: "C-2", vote: "approve", comment: "ok" });
  s.change(people.assessor, t(11, "08:30"), { type: "change.schedule", changeId: "C-2", window: { start: t(12, "22:30"), end: t(12, "23:30") }, overrideReason: "same team does both" });
  s.change(people.requester, t(11, "09:00"), { type: "change.raise", changeId: "C-3", changeType: "standard", templateId: "restart", scope: { level: "solution", ciIds: ["app"] }, title: "restart" }, {
    facts: { policy: policyWith({ blackouts: [freeze], change: { standardCatalogue: [{ templateId: "restart", title: "restart", risk: "low", implementationPlan: "restart", ciTypes: [] }] } }) },
  });
  s.change(people.assessor, t(11, "09:10"), { type: "change.schedule", changeId: "C-3", window: { start: t(20, "10:00"), end: t(20, "11:00") }, overrideReason: "restart is harmless" });
  authorisedChange(s, "C-4", ["db"], { start: t(14, "22:00"), end: t(14, "23:00") }, 13);
  s.change(people.requester, t(14), { type: "change.cancel", changeId: "C-4", reason: "not needed" });
  return s.log();
}

describe("changeCalendar", () => {
  const log = story();
  const calendar = changeCalendar(log, { policy });

  it("lists scheduled changes by window, without cancelled ones, with days and freezes", () => {
    expect(calendar.entries.map((entry) => [entry.changeId, entry.status, entry.window.start])).toEqual([
      ["C-1", "scheduled", t(12, "22:00")],
      ["C-2", "scheduled", t(12, "22:30")],
      ["C-3", "scheduled", t(20, "10:00")],
    ]);
    expect(calendar.days).toEqual([{ date: "2026-03-12", changeIds: ["C-1", "C-2"] }, { date: "2026-03-20", changeIds: ["C-3"] }]);
    expect(calendar.freezes).toEqual([{ blackout: freeze, changeIds: ["C-3"] }]);
  });

  it("shows the conflicts as they stand now, beside those accepted when scheduling", () => {
    const [first, second, third] = calendar.entries;
    expect(first?.conflicts.map((conflict) => conflict.description)).toEqual([`app, which change C-2 changes ${t(12, "22:30")} to ${t(12, "23:30")}, depends on db`]);
    expect(first?.acceptedConflicts).toEqual([]);
    expect(second).toMatchObject({ overrideReason: "same team does both", acceptedConflicts: [{ kind: "overlapping_change", changeId: "C-1", relation: "depends_on" }] });
    expect(second?.conflicts.map((conflict) => conflict.conflict.kind)).toEqual(["overlapping_change"]);
    expect(third?.conflicts.map((conflict) => conflict.description)).toEqual([`the window falls in the change freeze "quarter end" (${freeze.start} to ${freeze.end})`]);
  });

  it("shows a window of the calendar, and the calendar as of a time (C-4 was on it until cancelled)", () => {
    expect(changeCalendar(log, { policy, window: { start: t(19), end: t(22) } }).entries.map((entry) => entry.changeId)).toEqual(["C-3"]);
    expect(changeCalendar(log, { policy, asOf: t(11, "08:35") }).entries.map((entry) => entry.changeId)).toEqual(["C-1", "C-2"]);
    expect(changeCalendar(log, { policy, asOf: t(13, "12:00") }).entries.map((entry) => entry.changeId)).toEqual(["C-1", "C-2", "C-4", "C-3"]);
  });
});
