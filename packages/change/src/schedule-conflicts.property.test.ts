import { asId, DEPENDENCY_TYPES, RELATIONSHIP_PAIRS, type CiId, type MaintenanceWindow, type RelationshipType, type TimeWindow } from "@handover/itil";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CiRelationshipFact, ScheduleFacts } from "./facts.js";
import { findScheduleConflicts } from "./schedule-conflicts.js";
import type { CiRelation, ScheduleConflict } from "./values.js";

const MINUTE = 60_000;
const MONDAY = Date.UTC(2026, 2, 2);
const POOL = ["ci-0", "ci-1", "ci-2", "ci-3", "ci-4"].map(asId.ci);

/** A window of 15 minutes to 30 hours starting within three days of a Monday, on quarter hours. */
const arbitraryWindow: fc.Arbitrary<TimeWindow> = fc
  .tuple(fc.integer({ min: 0, max: 3 * 96 }), fc.integer({ min: 1, max: 120 }))
  .map(([quarter, length]) => ({
    start: new Date(MONDAY + quarter * 15 * MINUTE).toISOString(),
    end: new Date(MONDAY + (quarter + length) * 15 * MINUTE).toISOString(),
  }));
const arbitraryCis = fc.array(fc.constantFrom(...POOL), { maxLength: 4 });
const arbitraryRelationship: fc.Arbitrary<CiRelationshipFact> = fc.record({
  source: fc.constantFrom(...POOL),
  type: fc.constantFrom(...(Object.keys(RELATIONSHIP_PAIRS) as RelationshipType[])),
  target: fc.constantFrom(...POOL),
});
const clock = (halfHours: number) => `${String(Math.floor(halfHours / 2)).padStart(2, "0")}:${halfHours % 2 === 0 ? "00" : "30"}`;
const arbitraryMaintenance: fc.Arbitrary<MaintenanceWindow> = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
  start: fc.integer({ min: 0, max: 47 }).map(clock),
  end: fc.integer({ min: 0, max: 48 }).map(clock),
});
const arbitraryFacts: fc.Arbitrary<ScheduleFacts> = fc.record({
  scheduledChanges: fc.array(
    fc.record({ changeId: fc.integer({ min: 1, max: 99 }).map((n) => asId.change(`C-${n}`)), window: arbitraryWindow, ciIds: arbitraryCis }),
    { maxLength: 5 },
  ),
  relationships: fc.array(arbitraryRelationship, { maxLength: 8 }),
  blackouts: fc.array(arbitraryWindow.map((window) => ({ ...window, reason: "freeze" })), { maxLength: 2 }),
  maintenanceWindows: fc.dictionary(fc.constantFrom(...POOL), fc.array(arbitraryMaintenance, { maxLength: 2 }), { maxKeys: 3 }),
});

// The brute force: plain millisecond comparisons, a scan of the whole relationship list for every pair of CIs,
// and a minute-by-minute search for the start of a maintenance occurrence that holds the window.

const ms = (instant: string) => Date.parse(instant);
const overlaps = (a: TimeWindow, b: TimeWindow) => ms(a.start) < ms(b.end) && ms(b.start) < ms(a.end);
const isDependency = (type: RelationshipType) => DEPENDENCY_TYPES.includes(type);

function dependsOnByScan(from: string, to: string, relationships: readonly CiRelationshipFact[]): boolean {
  return relationships.some(
    ({ source, type, target }) => isDependency(type) && ((source === from && target === to) || (type === "connects_to" && source === to && target === from)),
  );
}

function relationByScan(ours: CiId, theirs: CiId, relationships: readonly CiRelationshipFact[]): CiRelation | undefined {
  if (ours === theirs) return "same_ci";
  if (dependsOnByScan(ours, theirs, relationships)) return "depends_on";
  if (dependsOnByScan(theirs, ours, relationships)) return "depended_on_by";
  return undefined;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function fitsByMinutes(window: TimeWindow, weekly: MaintenanceWindow): boolean {
  const start = minutesOf(weekly.start);
  const end = minutesOf(weekly.end);
  const length = end > start ? end - start : end - start + 24 * 60;
  const windowStart = ms(window.start) / MINUTE;
  const windowEnd = ms(window.end) / MINUTE;
  for (let occurrenceStart = windowStart - length; occurrenceStart <= windowStart; occurrenceStart++) {
    const instant = new Date(occurrenceStart * MINUTE);
    const startsHere = weekly.days.includes(instant.getUTCDay()) && instant.getUTCHours() * 60 + instant.getUTCMinutes() === start;
    if (startsHere && occurrenceStart + length >= windowEnd) return true;
  }
  return false;
}

function bruteForce(window: TimeWindow, ciIds: readonly CiId[], facts: ScheduleFacts): ScheduleConflict[] {
  const ours = ciIds.filter((ciId, index) => ciIds.indexOf(ciId) === index);
  const conflicts: ScheduleConflict[] = [];
  for (const other of facts.scheduledChanges.filter((each) => overlaps(window, each.window))) {
    const theirs = other.ciIds.filter((ciId, index) => other.ciIds.indexOf(ciId) === index);
    for (const ciId of ours) {
      for (const otherCiId of theirs) {
        const relation = relationByScan(ciId, otherCiId, facts.relationships);
        if (relation !== undefined) conflicts.push({ kind: "overlapping_change", changeId: other.changeId, ciId, otherCiId, relation, window: other.window });
      }
    }
  }
  for (const blackout of facts.blackouts) if (overlaps(window, blackout)) conflicts.push({ kind: "blackout", blackout });
  for (const ciId of ours) {
    const weekly = facts.maintenanceWindows[ciId] ?? [];
    if (weekly.length > 0 && !weekly.some((each) => fitsByMinutes(window, each))) conflicts.push({ kind: "outside_maintenance_window", ciId });
  }
  return conflicts;
}

describe("findScheduleConflicts against a brute force", () => {
  it("finds exactly the conflicts the brute force finds, in the documented order, over random windows and CI graphs", () => {
    fc.assert(
      fc.property(arbitraryWindow, arbitraryCis, arbitraryFacts, (window, ciIds, facts) => {
        expect(findScheduleConflicts(window, ciIds, facts)).toEqual(bruteForce(window, ciIds, facts));
      }),
      { numRuns: 1000 },
    );
  });

  it("generates every kind of conflict and also conflict-free windows (the property is not vacuous)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryWindow, arbitraryCis, arbitraryFacts, (window, ciIds, facts) => {
        const found = bruteForce(window, ciIds, facts);
        if (found.length === 0) seen.add("none");
        for (const conflict of found) seen.add(conflict.kind === "overlapping_change" ? conflict.relation : conflict.kind);
      }),
      { numRuns: 1000, seed: 4 },
    );
    expect([...seen].sort()).toEqual(["blackout", "depended_on_by", "depends_on", "none", "outside_maintenance_window", "same_ci"]);
  });
});
