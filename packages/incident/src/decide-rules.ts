import { priorityFor, type PriorityMatrix } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { DomainError } from "@handover/core";
import { incidentErrors } from "./errors.js";
import type { IncidentState } from "./state.js";

/** The priority of an impact and urgency under the policy's matrix; priority 1 marks a major incident. */
export function prioritise(
  incidentId: string,
  matrix: PriorityMatrix,
  impact: number,
  urgency: number,
): Either<DomainError, { readonly impact: number; readonly urgency: number; readonly priority: number; readonly major: boolean }> {
  const priority = priorityFor(matrix, impact, urgency);
  if (priority._tag === "Left") return left(incidentErrors.outsidePriorityMatrix(incidentId, priority.left));
  return right({ impact, urgency, priority: priority.right, major: priority.right === 1 });
}

/** Refuses a command dated before the incident's latest event: an incident's history runs forward. */
export function checkTimeRunsForward(incidentId: string, state: IncidentState, at: string): Either<DomainError, void> {
  if (state.lastAt !== null && Date.parse(at) < Date.parse(state.lastAt)) return left(incidentErrors.timeRunsBackwards(incidentId, at, state.lastAt));
  return right(undefined);
}

/**
 * What an assignment changes: nothing (the incident already has exactly that), a
 * first-time setting (an assignment), or a change of group or person (which `assign`
 * refuses: that is a counted reassignment).
 */
export function assignmentChange(state: IncidentState, group: string, assignee: string | undefined): "none" | "sets" | "moves" {
  const person = assignee ?? state.assignee;
  if (state.group === group && state.assignee === person) return "none";
  const movesGroup = state.group !== null && state.group !== group;
  const movesPerson = state.assignee !== null && assignee !== undefined && state.assignee !== assignee;
  return movesGroup || movesPerson ? "moves" : "sets";
}
