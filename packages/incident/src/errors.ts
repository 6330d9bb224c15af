import { domainError, type DomainError } from "@handover/core";

const entity = (incidentId: string): string => `incident ${incidentId}`;

/** The incident's domain errors, each with a code and a sentence that says what would satisfy the rule. */
export const incidentErrors = {
  /** The command's time is before the incident's latest event. */
  timeRunsBackwards: (incidentId: string, at: string, lastAt: string): DomainError =>
    domainError("time_runs_backwards", `${entity(incidentId)}: the command is dated ${at}, before its latest event at ${lastAt}; give a time at or after ${lastAt}`, {
      incidentId,
      at,
      lastAt,
    }),
  /** Impact or urgency outside the policy's priority matrix. */
  outsidePriorityMatrix: (incidentId: string, reason: string): DomainError =>
    domainError("outside_priority_matrix", `${entity(incidentId)}: ${reason}; choose an impact and urgency the policy's matrix has`, { incidentId }),
  /** `assign` would replace an existing group or person: that is a counted reassignment. */
  alreadyAssigned: (incidentId: string, group: string | null, assignee: string | null): DomainError =>
    domainError(
      "already_assigned",
      `${entity(incidentId)}: already assigned to ${describeAssignment(group, assignee)}; moving it to another group or person is a reassignment (incident.reassign), which is counted`,
      { incidentId, group, assignee },
    ),
  /** `reassign` names the group and person the incident already has. */
  sameAssignment: (incidentId: string, group: string | null, assignee: string | null): DomainError =>
    domainError("same_assignment", `${entity(incidentId)}: is already assigned to ${describeAssignment(group, assignee)}; a reassignment names another group or person`, {
      incidentId,
      group,
      assignee,
    }),
  /** A functional escalation to the group that already holds the incident. */
  escalationToSameGroup: (incidentId: string, group: string): DomainError =>
    domainError("escalation_to_same_group", `${entity(incidentId)}: a functional escalation moves the incident to another group, and ${group} already holds it`, {
      incidentId,
      group,
    }),
  /** `resolve` without a resolution code or notes. */
  resolutionRequired: (incidentId: string, code: string, notes: string): DomainError =>
    domainError(
      "resolution_required",
      `${entity(incidentId)}: resolving needs a resolution code and notes; got code ${JSON.stringify(code)} and notes ${JSON.stringify(notes)}`,
      { incidentId },
    ),
};

function describeAssignment(group: string | null, assignee: string | null): string {
  if (group !== null && assignee !== null) return `${group} (${assignee})`;
  return group ?? assignee ?? "nobody";
}
