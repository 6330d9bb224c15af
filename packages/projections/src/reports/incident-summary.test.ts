import { describe, expect, it } from "vitest";
import { startCrm } from "../fixtures/crm-story.js";
import { createScenario, people, t, type Scenario } from "../fixtures/scenario.js";
import { incidentSummary, median, nearestRank } from "./incident-summary.js";

function incident(s: Scenario, incidentId: string, impact: number, urgency: number, opened: string, resolved?: string): void {
  s.incident(people.desk, opened, { type: "incident.log", incidentId, title: incidentId, impact, urgency });
  s.incident(people.desk, opened, { type: "incident.assign", incidentId, group: "crm-support" });
  s.incident(people.desk, opened, { type: "incident.start_work", incidentId });
  if (resolved !== undefined) s.incident(people.desk, resolved, { type: "incident.resolve", incidentId, resolutionCode: "fixed", resolutionNotes: "fixed" });
}

describe("incidentSummary", () => {
  const s = createScenario();
  startCrm(s);
  incident(s, "INC1", 1, 1, t(2, "09:00"), t(2, "10:00"));
  incident(s, "INC2", 1, 1, t(3, "09:00"), t(3, "12:00"));
  incident(s, "INC3", 1, 1, t(4, "09:00"), t(4, "15:00"));
  incident(s, "INC4", 2, 2, t(5, "09:00"));
  incident(s, "INC5", 2, 2, t(5, "10:00"), t(6, "16:00"));
  const log = s.log();

  it("summarises by priority: count, open, median and p90 time to resolve, breaches", () => {
    const summary = incidentSummary(log, { asOf: t(6, "20:00") });
    expect(summary.register.map((entry) => [entry.number, entry.priority, entry.state, entry.madeSla])).toEqual([
      ["INC1", 1, "resolved", true],
      ["INC2", 1, "resolved", true],
      ["INC3", 1, "resolved", false],
      ["INC4", 3, "in_progress", false],
      ["INC5", 3, "resolved", false],
    ]);
    expect(summary.byPriority).toEqual([
      { priority: 1, count: 3, open: 0, resolved: 3, medianResolutionMinutes: 180, p90ResolutionMinutes: 360, breaches: 1 },
      { priority: 3, count: 2, open: 1, resolved: 1, medianResolutionMinutes: 30 * 60, p90ResolutionMinutes: 30 * 60, breaches: 2 },
    ]);
  });

  it("reads open clocks as of the time asked", () => {
    const early = incidentSummary(log, { asOf: t(5, "12:00") });
    expect(early.byPriority.find((row) => row.priority === 3)).toMatchObject({ count: 2, open: 2, resolved: 0, medianResolutionMinutes: null, breaches: 0 });
  });

  it("computes the median and nearest-rank percentile", () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([], 90)).toBeNull();
  });
});
