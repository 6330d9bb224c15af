import type { Lifecycle } from "@handover/core";
import type { IncidentCommandType } from "./commands.js";
import type { IncidentEventType } from "./events.js";

/** The states of an incident, in lifecycle order; `none` is an incident not logged yet. */
export const INCIDENT_STATUSES = ["none", "new", "assigned", "in_progress", "on_hold", "resolved", "closed", "cancelled"] as const;
/** A state of an incident. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * What moves an incident: one stimulus per command, plus `return_to_new`, which no
 * command names and no state accepts (imported history can still hold it).
 */
export type IncidentStimulus =
  | "log"
  | "assign"
  | "reassign"
  | "start_work"
  | "put_on_hold"
  | "resume"
  | "resolve"
  | "reopen"
  | "close"
  | "cancel"
  | "reprioritise"
  | "escalate"
  | "link_ci"
  | "link_problem"
  | "link_change"
  | "return_to_new";

type StayingStimulus = "reprioritise" | "escalate" | "link_ci" | "link_problem" | "link_change";
/** The stimuli that leave an owned, open incident in its state `S`. */
function stays<S extends IncidentStatus>(state: S): Readonly<Record<StayingStimulus, S>> {
  return { reprioritise: state, escalate: state, link_ci: state, link_problem: state, link_change: state };
}

/**
 * The incident lifecycle: for each state, the stimuli it accepts and the state each
 * leads to. new → assigned → in_progress ⇄ on_hold; in_progress → resolved → closed;
 * resolved → in_progress is a reopen; new or assigned → cancelled; closed and cancelled
 * are final. `decide` consults it first; `evolve` follows it.
 */
export const incidentLifecycle = {
  none: { log: "new" },
  new: { assign: "assigned", cancel: "cancelled", reprioritise: "new", link_ci: "new", link_problem: "new", link_change: "new" },
  assigned: { start_work: "in_progress", assign: "assigned", reassign: "assigned", cancel: "cancelled", ...stays("assigned") },
  in_progress: { put_on_hold: "on_hold", resolve: "resolved", assign: "in_progress", reassign: "in_progress", ...stays("in_progress") },
  on_hold: { resume: "in_progress", put_on_hold: "on_hold", assign: "on_hold", reassign: "on_hold", ...stays("on_hold") },
  resolved: { close: "closed", reopen: "in_progress", link_ci: "resolved", link_problem: "resolved", link_change: "resolved" },
  closed: {},
  cancelled: {},
} as const satisfies Lifecycle<IncidentStatus, IncidentStimulus>;

/** The stimulus each command is looked up by in the lifecycle table: its type without `incident.`. */
export function stimulusOfCommand(type: IncidentCommandType): IncidentStimulus {
  return type.slice("incident.".length) as IncidentStimulus;
}

const STIMULUS_OF_EVENT: Readonly<Record<IncidentEventType, IncidentStimulus | undefined>> = {
  "incident.logged": "log",
  "incident.assigned": "assign",
  "incident.reassigned": "reassign",
  "incident.work_started": "start_work",
  "incident.put_on_hold": "put_on_hold",
  "incident.resumed": "resume",
  "incident.resolved": "resolve",
  "incident.reopened": "reopen",
  "incident.closed": "close",
  "incident.cancelled": "cancel",
  "incident.reprioritised": "reprioritise",
  "incident.escalated": "escalate",
  "incident.ci_linked": "link_ci",
  "incident.problem_linked": "link_problem",
  "incident.change_linked": "link_change",
  "incident.returned_to_new": "return_to_new",
  "incident.source_facts_recorded": undefined,
};

/** The stimulus an event answers to, or undefined for an event that moves nothing (source facts). */
export function stimulusOfEvent(type: IncidentEventType): IncidentStimulus | undefined {
  return STIMULUS_OF_EVENT[type];
}

const LANDING: Partial<Record<IncidentStimulus, IncidentStatus>> = {
  log: "new",
  start_work: "in_progress",
  put_on_hold: "on_hold",
  resume: "in_progress",
  resolve: "resolved",
  reopen: "in_progress",
  close: "closed",
  cancel: "cancelled",
  return_to_new: "new",
};

/**
 * The state an event leaves an incident in. An event the table accepts goes where the
 * table says; an event it refuses (imported history, never a decided one) lands where
 * the event itself says: resolved on `resolved`, on hold on `put_on_hold`, assigned
 * when an unowned incident gets a group, and otherwise where it was.
 */
export function statusAfter(status: IncidentStatus, type: IncidentEventType): IncidentStatus {
  const stimulus = stimulusOfEvent(type);
  if (stimulus === undefined) return status;
  const row: Partial<Record<IncidentStimulus, IncidentStatus>> = incidentLifecycle[status];
  const next = row[stimulus];
  if (next !== undefined) return next;
  if ((stimulus === "assign" || stimulus === "reassign" || stimulus === "escalate") && (status === "new" || status === "none")) return "assigned";
  return LANDING[stimulus] ?? status;
}
