import { describeConflict, findScheduleConflicts, type ChangeState, type ChangeStatus, type ChangeType, type CiRelationshipFact, type ScheduleConflict, type ScheduledChangeFact } from "@handover/change";
import type { RecordedEvent } from "@handover/core";
import { defaultPolicy, windowsOverlap, type BlackoutWindow, type HandoverPolicy, type TimeWindow } from "@handover/itil";
import type { CmdbState } from "../cmdb/state.js";
import { deepFreeze } from "../freeze.js";
import type { Tracked } from "../history/aggregates.js";
import { createHistory } from "../history/history.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";

/** Options of `changeCalendar`: the organisation's policy (its freezes and maintenance windows, with the project's overrides), a window to show, and where in the log. */
export interface ChangeCalendarOptions extends ReadOptions {
  readonly policy?: HandoverPolicy;
  /** Show only changes whose window overlaps this one. */
  readonly window?: TimeWindow;
  readonly projectId?: string;
}

/** A conflict of a scheduled change, with its sentence. */
export interface CalendarConflict {
  readonly conflict: ScheduleConflict;
  readonly description: string;
}

/** One change on the calendar. */
export interface CalendarEntry {
  readonly changeId: string;
  readonly title: string;
  readonly changeType: ChangeType | undefined;
  readonly status: ChangeStatus;
  readonly window: TimeWindow;
  readonly ciIds: readonly string[];
  /** Conflicts found when it was scheduled, and the reason given to accept them. */
  readonly acceptedConflicts: readonly ScheduleConflict[];
  readonly overrideReason?: string;
  /** Conflicts with the calendar, the freezes and the maintenance windows as they stand now. */
  readonly conflicts: readonly CalendarConflict[];
  /** Position of the event that put it on the calendar. */
  readonly position: number;
}

/** The change calendar: changes by window, their conflicts, and the freezes. */
export interface ChangeCalendar {
  readonly position: number;
  readonly entries: readonly CalendarEntry[];
  /** Scheduled changes by the UTC day their window starts. */
  readonly days: readonly { readonly date: string; readonly changeIds: readonly string[] }[];
  /** The policy's change freezes, each with the changes whose window falls in it. */
  readonly freezes: readonly { readonly blackout: BlackoutWindow; readonly changeIds: readonly string[] }[];
}

type Scheduled = Tracked<ChangeState> & { readonly state: ChangeState & { readonly schedule: NonNullable<ChangeState["schedule"]>; readonly changeId: NonNullable<ChangeState["changeId"]> } };

function relationshipsOf(cmdb: CmdbState): CiRelationshipFact[] {
  const facts: CiRelationshipFact[] = [];
  for (const ci of cmdb.cis.values()) for (const { type, targetCiId } of ci.relationships) facts.push({ source: ci.ciId as CiRelationshipFact["source"], type, target: targetCiId });
  return facts;
}

function entryOf(change: Scheduled, calendar: readonly ScheduledChangeFact[], context: { relationships: CiRelationshipFact[]; policy: HandoverPolicy }, position: number): CalendarEntry {
  const { state } = change;
  const others = calendar.filter((other) => other.changeId !== state.changeId);
  const facts = { scheduledChanges: others, relationships: context.relationships, blackouts: context.policy.blackouts, maintenanceWindows: context.policy.maintenanceWindows };
  const conflicts = findScheduleConflicts(state.schedule.window, state.schedule.ciIds, facts).map((conflict) => ({ conflict, description: describeConflict(conflict) }));
  return {
    changeId: state.changeId,
    title: state.title,
    changeType: state.changeType,
    status: state.status,
    window: state.schedule.window,
    ciIds: state.schedule.ciIds,
    acceptedConflicts: state.schedule.conflicts,
    ...(state.schedule.overrideReason === undefined ? {} : { overrideReason: state.schedule.overrideReason }),
    conflicts,
    position,
  };
}

/**
 * The change calendar as of any point of the log: every change with a window (not
 * cancelled), ordered by window, with the conflicts change management's own
 * `findScheduleConflicts` finds now (other changes on the same or dependent CIs, freezes,
 * maintenance windows) beside those accepted when it was scheduled; days; and freezes.
 */
export function changeCalendar<L extends Log>(log: L, options: ChangeCalendarOptions = {}): Answer<L, ChangeCalendar> {
  const history = createHistory(options.policy ?? defaultPolicy, options.projectId);
  const scheduledAt = new Map<string, number>();
  const visit = (event: RecordedEvent): void => {
    history.apply(event);
    if (event.type === "change.scheduled") scheduledAt.set(String((event.data as { changeId: string }).changeId), event.position);
  };
  const finish = (): ChangeCalendar => {
    const policy = history.policy();
    const scheduled = [...history.aggregates.of("change").values()].filter(
      (change): change is Scheduled => change.state.schedule !== undefined && change.state.changeId !== undefined && change.state.status !== "cancelled",
    );
    const calendar: ScheduledChangeFact[] = scheduled.map(({ state }) => ({ changeId: state.changeId, window: state.schedule.window, ciIds: state.schedule.ciIds }));
    const context = { relationships: relationshipsOf(history.cmdb), policy };
    const entries = scheduled
      .filter((change) => options.window === undefined || windowsOverlap(change.state.schedule.window, options.window))
      .map((change) => entryOf(change, calendar, context, scheduledAt.get(change.state.changeId) ?? change.lastPosition))
      .sort((a, b) => Date.parse(a.window.start) - Date.parse(b.window.start) || (a.changeId < b.changeId ? -1 : 1));
    const days = new Map<string, string[]>();
    for (const entry of entries) {
      const date = new Date(entry.window.start).toISOString().slice(0, 10);
      days.set(date, [...(days.get(date) ?? []), entry.changeId]);
    }
    const freezes = policy.blackouts.map((blackout) => ({ blackout, changeIds: entries.filter((entry) => windowsOverlap(entry.window, blackout)).map((entry) => entry.changeId) }));
    return deepFreeze({ position: history.cmdb.position, entries, days: [...days].map(([date, changeIds]) => ({ date, changeIds })), freezes });
  };
  return scanLog(log, logRangeOf(options), visit, finish);
}
