import { asId, type RelationshipType } from "@handover/itil";
import { describe, expect, it } from "vitest";
import type { ScheduleFacts } from "./facts.js";
import { at, C9, ci } from "./fixtures/change-fixtures.js";
import { describeConflict, findScheduleConflicts } from "./schedule-conflicts.js";

const window = { start: at("22:00"), end: at("23:00") };
const calendar = (ciId: string, start = at("22:30"), end = at("23:30")) => [{ changeId: C9, window: { start, end }, ciIds: [asId.ci(ciId)] }];
const facts = (overrides: Partial<ScheduleFacts> = {}): ScheduleFacts => ({ scheduledChanges: [], relationships: [], blackouts: [], maintenanceWindows: {}, ...overrides });
const link = (source: string, type: RelationshipType, target: string) => ({ source: asId.ci(source), type, target: asId.ci(target) });

describe("findScheduleConflicts", () => {
  it("finds nothing on an empty calendar", () => {
    expect(findScheduleConflicts(window, [ci.db], facts())).toEqual([]);
  });

  it("finds another change on the same CI whose window overlaps, and not one that only touches the window's end", () => {
    expect(findScheduleConflicts(window, [ci.db], facts({ scheduledChanges: calendar(ci.db) }))).toEqual([
      { kind: "overlapping_change", changeId: C9, ciId: ci.db, otherCiId: ci.db, relation: "same_ci", window: { start: at("22:30"), end: at("23:30") } },
    ]);
    expect(findScheduleConflicts(window, [ci.db], facts({ scheduledChanges: calendar(ci.db, at("23:00"), at("23:30")) }))).toEqual([]);
  });

  it("finds a change on a CI ours depends on, and on a CI that depends on ours, along every dependency type", () => {
    for (const type of ["depends_on", "runs_on", "hosted_on", "connects_to"] as const) {
      const relationships = [link(ci.app, type, ci.db)];
      expect(findScheduleConflicts(window, [ci.app], facts({ scheduledChanges: calendar(ci.db), relationships }))).toMatchObject([{ ciId: ci.app, otherCiId: ci.db, relation: "depends_on" }]);
      const theirs = findScheduleConflicts(window, [ci.db], facts({ scheduledChanges: calendar(ci.app), relationships }));
      expect(theirs).toMatchObject([{ ciId: ci.db, otherCiId: ci.app, relation: type === "connects_to" ? "depends_on" : "depended_on_by" }]);
    }
  });

  it("ignores relationships that carry no dependency, and dependencies two hops away", () => {
    const relationships = [link(ci.app, "contains", ci.db), link("handbook", "documents", ci.db), link(ci.web, "depends_on", ci.app), link(ci.app, "depends_on", ci.db)];
    expect(findScheduleConflicts(window, [ci.web], facts({ scheduledChanges: calendar(ci.db), relationships }))).toEqual([]);
    expect(findScheduleConflicts(window, [ci.mail], facts({ scheduledChanges: calendar(ci.db), relationships }))).toEqual([]);
  });

  it("finds a change freeze the window overlaps, even in part", () => {
    const freeze = { start: at("22:59"), end: at("00:00", 9), reason: "quarter-end freeze" };
    expect(findScheduleConflicts(window, [ci.db], facts({ blackouts: [freeze] }))).toEqual([{ kind: "blackout", blackout: freeze }]);
    expect(findScheduleConflicts(window, [ci.db], facts({ blackouts: [{ ...freeze, start: at("23:00") }] }))).toEqual([]);
  });

  it("finds a CI whose maintenance windows do not hold the window; a CI without any may change any time", () => {
    const mondayNight = [{ days: [1], start: "21:00", end: "01:00" }];
    const sundayNight = [{ days: [0], start: "21:00", end: "01:00" }];
    expect(findScheduleConflicts(window, [ci.db, ci.app], facts({ maintenanceWindows: { [ci.db]: mondayNight } }))).toEqual([]);
    expect(findScheduleConflicts(window, [ci.db, ci.app], facts({ maintenanceWindows: { [ci.db]: sundayNight } }))).toEqual([{ kind: "outside_maintenance_window", ciId: ci.db }]);
  });

  it("reports changes, then freezes, then maintenance windows, each pair of CIs once, and says each in words", () => {
    const found = findScheduleConflicts(window, [ci.app, ci.db, ci.db], {
      scheduledChanges: [{ changeId: C9, window: { start: at("22:30"), end: at("23:30") }, ciIds: [ci.db, ci.db] }],
      relationships: [link(ci.app, "depends_on", ci.db)],
      blackouts: [{ start: at("00:00"), end: at("23:59"), reason: "freeze" }],
      maintenanceWindows: { [ci.app]: [{ days: [0], start: "01:00", end: "02:00" }] },
    });
    expect(found.map((conflict) => conflict.kind)).toEqual(["overlapping_change", "overlapping_change", "blackout", "outside_maintenance_window"]);
    expect(found.map(describeConflict)).toEqual([
      `crm-app depends on crm-db, which change C-9 changes ${at("22:30")} to ${at("23:30")}`,
      `change C-9 changes crm-db too, ${at("22:30")} to ${at("23:30")}`,
      `the window falls in the change freeze "freeze" (${at("00:00")} to ${at("23:59")})`,
      "the window lies outside the maintenance windows of crm-app",
    ]);
  });

  it("describes a dependent CI's change", () => {
    const [conflict] = findScheduleConflicts(window, [ci.db], facts({ scheduledChanges: calendar(ci.app), relationships: [link(ci.app, "depends_on", ci.db)] }));
    expect(conflict && describeConflict(conflict)).toBe(`crm-app, which change C-9 changes ${at("22:30")} to ${at("23:30")}, depends on crm-db`);
  });
});
