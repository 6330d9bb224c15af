import { domainError, transition, type DomainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { IncidentCommand, IncidentCommandName, IncidentFacts } from "./commands.js";
import type { IncidentEvent } from "./events.js";
import { incidentLifecycle } from "./lifecycle.js";
import { priorityOf } from "./priority.js";
import type { IncidentState } from "./state.js";

type Decision = Either<DomainError, readonly IncidentEvent[]>;

/**
 * Decides an incident command: the lifecycle table first, then the rules it cannot say
 * (no reassignment to the current assignee, no CI linked twice, no-op reprioritisation).
 */
export function decideIncident(command: IncidentCommand, state: IncidentState, facts: IncidentFacts): Decision {
  const entity = `incident ${command.data.incidentId}`;
  const name = command.type.slice("incident.".length) as IncidentCommandName;
  const allowed = transition(incidentLifecycle, entity, state.status, name);
  if (allowed._tag === "Left") return allowed;
  return decideAllowed(command, state, { incidentId: command.data.incidentId, at: facts.at, by: facts.actor }, entity);
}

function decideAllowed(command: IncidentCommand, state: IncidentState, stamp: Stamp, entity: string): Decision {
  switch (command.type) {
    case "incident.log": {
      const { title, description, impact, urgency } = command.data;
      return one({ type: "incident.logged", data: { ...stamp, title, description, impact, urgency, priority: priorityOf(impact, urgency) } });
    }
    case "incident.assign":
      return decideAssign(command.data, state, stamp, entity);
    case "incident.reprioritise": {
      const { impact, urgency } = command.data;
      if (impact === state.impact && urgency === state.urgency) return right([]);
      return one({ type: "incident.reprioritised", data: { ...stamp, impact, urgency, priority: priorityOf(impact, urgency) } });
    }
    case "incident.link_ci":
      if (state.linkedCis.includes(command.data.ciId)) {
        return left(domainError("ci_already_linked", `${entity}: ${command.data.ciId} is already linked`, { ciId: command.data.ciId }));
      }
      return one({ type: "incident.ci_linked", data: { ...stamp, ciId: command.data.ciId } });
    default:
      return decideProgress(command, stamp);
  }
}

function decideProgress(command: IncidentCommand, stamp: Stamp): Decision {
  switch (command.type) {
    case "incident.start":
      return one({ type: "incident.work_started", data: stamp });
    case "incident.add_work_note":
      return one({ type: "incident.work_noted", data: { ...stamp, note: command.data.note } });
    case "incident.hold":
      return one({ type: "incident.put_on_hold", data: { ...stamp, reason: command.data.reason } });
    case "incident.resume":
      return one({ type: "incident.resumed", data: stamp });
    case "incident.resolve":
      return one({ type: "incident.resolved", data: { ...stamp, code: command.data.code, notes: command.data.notes } });
    case "incident.reopen":
      return one({ type: "incident.reopened", data: { ...stamp, reason: command.data.reason } });
    case "incident.close":
      return one({ type: "incident.closed", data: { ...stamp, code: command.data.code } });
    default:
      return right([]);
  }
}

function decideAssign(data: { readonly group: string; readonly assignee: string }, state: IncidentState, stamp: Stamp, entity: string): Decision {
  const current = state.assignment;
  if (current !== null && current.group === data.group && current.assignee === data.assignee) {
    return left(domainError("already_assigned", `${entity}: already assigned to ${data.assignee} in ${data.group}`, { assignee: data.assignee }));
  }
  return one({ type: "incident.assigned", data: { ...stamp, group: data.group, assignee: data.assignee } });
}

interface Stamp {
  readonly incidentId: string;
  readonly at: string;
  readonly by: string;
}

function one(event: IncidentEvent): Decision {
  return right([event]);
}
