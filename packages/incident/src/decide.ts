import type { DomainError } from "@handover/core";
import { chain, left, right, type Either } from "fp-ts/lib/Either.js";
import type { IncidentCommand, IncidentCommandOf, IncidentCommandType } from "./commands.js";
import { assignmentChange, checkTimeRunsForward, prioritise } from "./decide-rules.js";
import { incidentErrors } from "./errors.js";
import type { IncidentEvent } from "./events.js";
import type { IncidentFacts } from "./facts.js";
import { incidentLifecycle, stimulusOfCommand } from "./lifecycle.js";
import type { IncidentState } from "./state.js";
import { transition } from "@handover/core";

type Decision = Either<DomainError, readonly IncidentEvent[]>;
type Handler<T extends IncidentCommandType> = (command: IncidentCommandOf<T>, state: IncidentState, facts: IncidentFacts) => Decision;

const common = (command: IncidentCommand, facts: IncidentFacts) => ({ incidentId: command.incidentId, at: facts.at, by: facts.actor });
const none: Decision = right([]);

const handlers: { readonly [T in IncidentCommandType]: Handler<T> } = {
  "incident.log": (command, _state, facts) => {
    const prioritised = prioritise(command.incidentId, facts.policy.priorityMatrix, command.impact, command.urgency);
    if (prioritised._tag === "Left") return prioritised;
    const { caller, category } = command;
    const logged: IncidentEvent = {
      type: "incident.logged",
      data: { ...common(command, facts), ...prioritised.right, title: command.title, ...(caller === undefined ? {} : { caller }), ...(category === undefined ? {} : { category }) },
    };
    const links: IncidentEvent[] = [...new Set(command.ciIds ?? [])].map((ciId) => ({ type: "incident.ci_linked", data: { ...common(command, facts), ciId } }));
    return right([logged, ...links]);
  },
  "incident.assign": (command, state, facts) => {
    const change = assignmentChange(state, command.group, command.assignee);
    if (change === "none") return none;
    if (change === "moves") return left(incidentErrors.alreadyAssigned(command.incidentId, state.group, state.assignee));
    return right([{ type: "incident.assigned", data: { ...common(command, facts), group: command.group, assignee: command.assignee ?? state.assignee } }]);
  },
  "incident.reassign": (command, state, facts) => {
    const assignee = command.assignee ?? null;
    if (state.group === command.group && state.assignee === assignee) return left(incidentErrors.sameAssignment(command.incidentId, state.group, state.assignee));
    return right([{ type: "incident.reassigned", data: { ...common(command, facts), group: command.group, assignee, reason: command.reason } }]);
  },
  "incident.start_work": (command, _state, facts) => right([{ type: "incident.work_started", data: common(command, facts) }]),
  "incident.put_on_hold": (command, state, facts) => {
    if (state.status === "on_hold" && state.holdReason === command.reason) return none;
    const note = command.note === undefined ? {} : { note: command.note };
    return right([{ type: "incident.put_on_hold", data: { ...common(command, facts), reason: command.reason, ...note } }]);
  },
  "incident.resume": (command, _state, facts) => right([{ type: "incident.resumed", data: common(command, facts) }]),
  "incident.resolve": (command, _state, facts) => {
    const code = command.resolutionCode.trim();
    const notes = command.resolutionNotes.trim();
    if (code === "" || notes === "") return left(incidentErrors.resolutionRequired(command.incidentId, command.resolutionCode, command.resolutionNotes));
    return right([{ type: "incident.resolved", data: { ...common(command, facts), resolutionCode: code, resolutionNotes: notes } }]);
  },
  "incident.reopen": (command, _state, facts) => right([{ type: "incident.reopened", data: { ...common(command, facts), reason: command.reason } }]),
  "incident.close": (command, _state, facts) => right([{ type: "incident.closed", data: common(command, facts) }]),
  "incident.cancel": (command, _state, facts) => right([{ type: "incident.cancelled", data: { ...common(command, facts), reason: command.reason } }]),
  "incident.reprioritise": (command, state, facts) => {
    if (state.impact === command.impact && state.urgency === command.urgency) return none;
    const prioritised = prioritise(command.incidentId, facts.policy.priorityMatrix, command.impact, command.urgency);
    if (prioritised._tag === "Left") return prioritised;
    return right([{ type: "incident.reprioritised", data: { ...common(command, facts), ...prioritised.right, reason: command.reason } }]);
  },
  "incident.escalate": (command, state, facts) => {
    if (command.level === "functional" && state.group === command.to) return left(incidentErrors.escalationToSameGroup(command.incidentId, command.to));
    return right([{ type: "incident.escalated", data: { ...common(command, facts), level: command.level, to: command.to, reason: command.reason } }]);
  },
  "incident.link_ci": (command, state, facts) =>
    state.ciIds.includes(command.ciId) ? none : right([{ type: "incident.ci_linked", data: { ...common(command, facts), ciId: command.ciId } }]),
  "incident.link_problem": (command, state, facts) =>
    state.problemIds.includes(command.problemId) ? none : right([{ type: "incident.problem_linked", data: { ...common(command, facts), problemId: command.problemId } }]),
  "incident.link_change": (command, state, facts) => {
    const known = state.changeLinks.some((link) => link.changeId === command.changeId && link.relation === command.relation);
    return known ? none : right([{ type: "incident.change_linked", data: { ...common(command, facts), changeId: command.changeId, relation: command.relation } }]);
  },
};

/**
 * Decides an incident command: the lifecycle table first (one error naming the incident,
 * its state, the command and what the state accepts), then time running forward, then
 * the rules the table cannot say. Pure: time and actor come from the facts.
 */
export function decideIncident(command: IncidentCommand, state: IncidentState, facts: IncidentFacts): Decision {
  const entity = `incident ${command.incidentId}`;
  const accepted = transition(incidentLifecycle, entity, state.status, stimulusOfCommand(command.type));
  const timely = chain(() => checkTimeRunsForward(command.incidentId, state, facts.at))(accepted);
  if (timely._tag === "Left") return timely;
  const handler = handlers[command.type] as Handler<IncidentCommandType>;
  return handler(command, state, facts);
}
