import type { ChangeRelation, IncidentState } from "@handover/incident";
import { asId } from "@handover/itil";
import type { IncidentHistory, Payload } from "./incident-history.js";
import type { Snapshot, TargetState } from "./snapshot.js";

/** Links the problem, changes and CI a row names that the incident does not have yet. */
export function linkStep(history: IncidentHistory, row: Snapshot): void {
  if (row.problemId !== null && !history.state.problemIds.includes(row.problemId)) {
    history.emit(row, { type: "incident.problem_linked", data: { problemId: asId.problem(row.problemId) } });
  }
  const changes: [string | null, ChangeRelation][] = [
    [row.rfc, "resolved_by"],
    [row.causedBy, "caused_by"],
  ];
  for (const [changeId, relation] of changes) {
    if (changeId === null || history.state.changeLinks.some((link) => link.changeId === changeId && link.relation === relation)) continue;
    history.emit(row, { type: "incident.change_linked", data: { changeId: asId.change(changeId), relation } });
  }
  if (row.ciId !== null && !history.state.ciIds.includes(row.ciId)) {
    history.emit(row, { type: "incident.ci_linked", data: { ciId: asId.ci(row.ciId) } });
  }
}

/**
 * A rise in `reassignment_count` is that many reassignments (to the row's group and
 * person); a group or person set or changed without it is an assignment. A count that
 * falls (a stale snapshot) is no event: counts never fall.
 */
export function assignmentStep(history: IncidentHistory, row: Snapshot): void {
  const target = { group: row.group, assignee: row.assignee };
  if (row.reassignmentCount > history.state.reassignmentCount) {
    for (let count = history.state.reassignmentCount; count < row.reassignmentCount; count++) {
      history.emit(row, { type: "incident.reassigned", data: { ...target, reason: "reassigned in ServiceNow" } });
    }
    return;
  }
  if (row.group !== history.state.group || row.assignee !== history.state.assignee) history.emit(row, { type: "incident.assigned", data: target });
}

type Move<S extends TargetState["status"]> = (state: IncidentState, row: Snapshot, target: Extract<TargetState, { status: S }>) => Payload | undefined;

/** For each state a row can say, the event that moves the incident there from where it is (none when it is there). */
const MOVES: { readonly [S in TargetState["status"]]: Move<S> } = {
  new: ({ status }) => (status === "new" || status === "assigned" ? undefined : { type: "incident.returned_to_new", data: {} }),
  in_progress: ({ status }) => {
    if (status === "in_progress") return undefined;
    return status === "on_hold" ? { type: "incident.resumed", data: {} } : { type: "incident.work_started", data: {} };
  },
  on_hold: ({ status, holdReason }, _row, { reason }) =>
    status === "on_hold" && holdReason === reason ? undefined : { type: "incident.put_on_hold", data: { reason } },
  resolved: ({ status }, row) => (status === "resolved" ? undefined : { type: "incident.resolved", data: { resolutionCode: row.closedCode ?? "", resolutionNotes: "" } }),
  closed: ({ status }) => (status === "closed" ? undefined : { type: "incident.closed", data: {} }),
};

/**
 * Moves the incident to the state the row says, with the event our vocabulary has for
 * that move: New → back to new (unless new or assigned), Active → work started or
 * resumed, Awaiting … → on hold for that reason, Resolved → resolved with the source's
 * closed code (the source keeps no notes), Closed → closed.
 */
export function stateStep(history: IncidentHistory, row: Snapshot): void {
  const move = MOVES[row.target.status] as Move<TargetState["status"]>;
  const payload = move(history.state, row, row.target);
  if (payload !== undefined) history.emit(row, payload);
}
