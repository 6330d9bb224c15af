import type { PriorityMatrix } from "@handover/itil";
import { priorityFor } from "@handover/itil";
import { IncidentHistory, laterTimesOf, sourceFactsOf } from "./incident-history.js";
import type { IncidentRows } from "./order.js";
import type { Snapshot } from "./snapshot.js";
import { assignmentStep, linkStep, stateStep } from "./derive-steps.js";

/** A row whose priority differs from the configured matrix at its impact and urgency: counted and reported, never corrected. */
export interface PriorityDeviation {
  readonly number: string;
  readonly line: number;
  readonly impact: number;
  readonly urgency: number;
  readonly sourcePriority: number;
  readonly matrixPriority: number;
}

/** One incident's derived events and what they deviate from. */
export interface DerivedIncident {
  readonly number: string;
  readonly streamId: string;
  readonly history: IncidentHistory;
  readonly priorityDeviations: readonly PriorityDeviation[];
}

function matrixPriority(matrix: PriorityMatrix, row: Snapshot): number {
  const priority = priorityFor(matrix, row.impact, row.urgency);
  return priority._tag === "Right" ? priority.right : matrix.lowestPriority;
}

function priorityStep(history: IncidentHistory, row: Snapshot, matrix: PriorityMatrix, first: boolean): void {
  const priority = matrixPriority(matrix, row);
  const levels = { impact: row.impact, urgency: row.urgency, priority, major: priority === 1 };
  if (first) {
    const caller = row.caller === null ? {} : { caller: row.caller };
    const category = row.category === null ? {} : { category: row.category };
    history.emit(row, { type: "incident.logged", data: { ...levels, ...caller, ...category } });
  } else if (row.impact !== history.state.impact || row.urgency !== history.state.urgency) {
    history.emit(row, { type: "incident.reprioritised", data: { ...levels, reason: "impact or urgency changed in ServiceNow" } });
  }
}

function reopenStep(history: IncidentHistory, row: Snapshot): void {
  for (let count = history.state.reopenCount; count < row.reopenCount; count++) {
    history.emit(row, { type: "incident.reopened", data: { reason: "reopened in ServiceNow" } });
  }
}

function sameFacts(history: IncidentHistory, row: Snapshot): boolean {
  const known = history.state.source;
  const facts = sourceFactsOf(row);
  return (
    known !== null &&
    known.priority === facts.priority &&
    known.madeSla === facts.madeSla &&
    known.openedAt === facts.openedAt &&
    known.resolvedAt === facts.resolvedAt &&
    known.closedAt === facts.closedAt
  );
}

/** Who an event is by when the source's own record, not a person, made it known: a time its last row gave ahead of itself. */
export const SOURCE_SYSTEM = "servicenow";

/**
 * Records the times the incident's last row gave ahead of itself (a close time later than
 * its last update) when each falls due, as the source's facts changing then: so the log
 * ends with every time the source holds, and no view before a time can see it.
 */
function laterFactsStep(history: IncidentHistory, last: Snapshot): void {
  for (const time of laterTimesOf(last)) history.emit({ ...last, updatedAt: time, updatedBy: SOURCE_SYSTEM }, { type: "incident.source_facts_recorded", data: {} });
}

/**
 * Derives one incident's events from its ordered snapshots, each row against the state
 * the events so far leave: the first row logs it; changed impact or urgency
 * reprioritises; a rise in `reopen_count` reopens; new `problem_id`, `rfc`, `caused_by`
 * and `cmdb_ci` values link; a rise in `reassignment_count` reassigns, while a group or
 * person set or changed without it assigns; the state moves to where the row says. A row
 * that changes only the source's own verdicts records them. Each event carries the source
 * times known by its row's update; times the last row gives ahead of itself are recorded
 * when they fall due. Nothing is dropped.
 */
export function deriveIncident(incident: IncidentRows, matrix: PriorityMatrix): DerivedIncident {
  const history = new IncidentHistory(incident.number);
  const priorityDeviations: PriorityDeviation[] = [];
  incident.rows.forEach((row, index) => {
    const expected = matrixPriority(matrix, row);
    if (expected !== row.priority) {
      priorityDeviations.push({ number: row.number, line: row.line, impact: row.impact, urgency: row.urgency, sourcePriority: row.priority, matrixPriority: expected });
    }
    const before = history.events.length;
    priorityStep(history, row, matrix, index === 0);
    reopenStep(history, row);
    linkStep(history, row);
    assignmentStep(history, row);
    stateStep(history, row);
    if (history.events.length === before && !sameFacts(history, row)) {
      history.emit(row, { type: "incident.source_facts_recorded", data: {} });
    }
  });
  const last = incident.rows[incident.rows.length - 1];
  if (last !== undefined) laterFactsStep(history, last);
  return { number: incident.number, streamId: history.streamId, history, priorityDeviations };
}
