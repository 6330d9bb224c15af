import type {
  BlackoutWindow,
  ChangeId,
  CiId,
  CiType,
  CommandContext,
  MaintenanceWindow,
  RelationshipType,
  TimeWindow,
} from "@handover/itil";

/** Another change on the calendar: its window and the CIs it covers. */
export interface ScheduledChangeFact {
  readonly changeId: ChangeId;
  readonly window: TimeWindow;
  readonly ciIds: readonly CiId[];
}

/** A relationship between two CIs as stored on its source: `crm-app depends_on crm-db`. */
export interface CiRelationshipFact {
  readonly source: CiId;
  readonly type: RelationshipType;
  readonly target: CiId;
}

/** What `findScheduleConflicts` looks at: the calendar, the CI graph, the change freezes and the CIs' maintenance windows. */
export interface ScheduleFacts {
  /** Other changes with a window (scheduled or being implemented). */
  readonly scheduledChanges: readonly ScheduledChangeFact[];
  /** At least every relationship whose source or target is one of the CIs in question; only DEPENDENCY_TYPES count. */
  readonly relationships: readonly CiRelationshipFact[];
  readonly blackouts: readonly BlackoutWindow[];
  /** Weekly maintenance windows by CI id; a CI without an entry may change at any time. */
  readonly maintenanceWindows: Readonly<Record<string, readonly MaintenanceWindow[]>>;
}

/**
 * The facts change management needs besides the command, supplied by the engine:
 * the command context (actor, time, the actor's roles, the policy with its change policy,
 * blackouts and maintenance windows) and, from configuration and the change calendar:
 * - `scheduledChanges`: every change that has a window and is scheduled or being
 *   implemented (the change itself may be among them; it is ignored). Read by `change.schedule`.
 * - `relationships`: the CI relationships touching the change's CIs. Read by `change.schedule`.
 * - `ciTypes`: the type of each CI the change names. Read by `change.raise` of a standard
 *   change whose template limits the CI types it may touch.
 * Commands that do not read a fact accept it empty.
 */
export interface ChangeFacts extends CommandContext {
  readonly scheduledChanges: readonly ScheduledChangeFact[];
  readonly relationships: readonly CiRelationshipFact[];
  readonly ciTypes: Readonly<Record<string, CiType>>;
}

/** The schedule facts of a change command: the calendar without the change itself, and the policy's freezes and maintenance windows. */
export function scheduleFactsOf(facts: ChangeFacts, changeId: ChangeId): ScheduleFacts {
  return {
    scheduledChanges: facts.scheduledChanges.filter((other) => other.changeId !== changeId),
    relationships: facts.relationships,
    blackouts: facts.policy.blackouts,
    maintenanceWindows: facts.policy.maintenanceWindows,
  };
}
