import { DEPENDENCY_TYPES, fitsMaintenanceWindows, windowsOverlap, type CiId, type TimeWindow } from "@handover/itil";
import type { CiRelationshipFact, ScheduleFacts } from "./facts.js";
import type { CiRelation, ScheduleConflict } from "./values.js";

/** For each CI, the CIs it depends on (along DEPENDENCY_TYPES). */
type DependencyIndex = ReadonlyMap<string, ReadonlySet<string>>;

function indexDependencies(relationships: readonly CiRelationshipFact[]): DependencyIndex {
  const index = new Map<string, Set<string>>();
  const add = (from: string, to: string): void => {
    const targets = index.get(from) ?? new Set<string>();
    targets.add(to);
    index.set(from, targets);
  };
  for (const { source, type, target } of relationships) {
    if (!DEPENDENCY_TYPES.includes(type)) continue;
    add(source, target);
    // connects_to is its own inverse: a link, each side depends on the other.
    if (type === "connects_to") add(target, source);
  }
  return index;
}

function relationBetween(ours: string, theirs: string, dependsOn: DependencyIndex): CiRelation | undefined {
  if (ours === theirs) return "same_ci";
  if (dependsOn.get(ours)?.has(theirs) === true) return "depends_on";
  if (dependsOn.get(theirs)?.has(ours) === true) return "depended_on_by";
  return undefined;
}

/**
 * Finds why a window is a bad time to change these CIs, in this order: every other
 * scheduled change whose window overlaps and that covers the same CI, a CI one of ours
 * depends on, or a CI that depends on one of ours (one entry per pair of CIs; relations
 * along DEPENDENCY_TYPES, one hop, `connects_to` both ways); every blackout the window
 * overlaps; every CI whose maintenance windows (if it has any) do not contain the window.
 * Pure: the calendar, graph, blackouts and maintenance windows all come in `facts`.
 */
export function findScheduleConflicts(window: TimeWindow, ciIds: readonly CiId[], facts: ScheduleFacts): ScheduleConflict[] {
  const ours = [...new Set(ciIds)];
  const dependsOn = indexDependencies(facts.relationships);
  const conflicts: ScheduleConflict[] = [];
  for (const other of facts.scheduledChanges) {
    if (!windowsOverlap(window, other.window)) continue;
    for (const ciId of ours) {
      for (const otherCiId of new Set(other.ciIds)) {
        const relation = relationBetween(ciId, otherCiId, dependsOn);
        if (relation === undefined) continue;
        conflicts.push({ kind: "overlapping_change", changeId: other.changeId, ciId, otherCiId, relation, window: { ...other.window } });
      }
    }
  }
  for (const blackout of facts.blackouts) {
    if (windowsOverlap(window, blackout)) conflicts.push({ kind: "blackout", blackout: { ...blackout } });
  }
  for (const ciId of ours) {
    const maintenance = facts.maintenanceWindows[ciId] ?? [];
    if (maintenance.length > 0 && !fitsMaintenanceWindows(window, maintenance)) conflicts.push({ kind: "outside_maintenance_window", ciId });
  }
  return conflicts;
}

/** One conflict in words: `change C-9 is scheduled on crm-db (same CI) from … to …`. */
export function describeConflict(conflict: ScheduleConflict): string {
  switch (conflict.kind) {
    case "overlapping_change": {
      const when = `${conflict.window.start} to ${conflict.window.end}`;
      if (conflict.relation === "same_ci") return `change ${conflict.changeId} changes ${conflict.ciId} too, ${when}`;
      if (conflict.relation === "depends_on") return `${conflict.ciId} depends on ${conflict.otherCiId}, which change ${conflict.changeId} changes ${when}`;
      return `${conflict.otherCiId}, which change ${conflict.changeId} changes ${when}, depends on ${conflict.ciId}`;
    }
    case "blackout":
      return `the window falls in the change freeze "${conflict.blackout.reason}" (${conflict.blackout.start} to ${conflict.blackout.end})`;
    case "outside_maintenance_window":
      return `the window lies outside the maintenance windows of ${conflict.ciId}`;
  }
}
