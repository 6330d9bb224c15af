import type { Lifecycle } from "@handover/core";
import type { ProblemCommandType } from "./commands.js";
import type { ProblemEventType } from "./events.js";
import type { ClosureCode } from "./values.js";

/** The states of a problem, in lifecycle order; `none` is a problem not logged yet. */
export const PROBLEM_STATUSES = ["none", "logged", "under_investigation", "root_cause_identified", "known_error", "resolved", "closed"] as const;
/** A state of a problem. */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** What moves a problem: one stimulus per command, its type without `problem.`. */
export type ProblemStimulus = "log" | "investigate" | "identify_root_cause" | "record_known_error" | "resolve" | "close" | "link_incident";

/**
 * The problem lifecycle: logged → under_investigation → root_cause_identified →
 * known_error (with a workaround) → resolved (by a change) → closed with a code. A known
 * error may be recorded as soon as a workaround exists, before the root cause is found
 * (ITIL: operations use it meanwhile); the root cause found later is added to it. Any open
 * problem can be closed (which codes a state allows is `closureCodesByState`) and can
 * have incidents linked; closed is final.
 */
export const problemLifecycle = {
  none: { log: "logged" },
  logged: { investigate: "under_investigation", record_known_error: "known_error", close: "closed", link_incident: "logged" },
  under_investigation: { identify_root_cause: "root_cause_identified", record_known_error: "known_error", close: "closed", link_incident: "under_investigation" },
  root_cause_identified: { record_known_error: "known_error", close: "closed", link_incident: "root_cause_identified" },
  known_error: { identify_root_cause: "known_error", resolve: "resolved", close: "closed", link_incident: "known_error" },
  resolved: { close: "closed", link_incident: "resolved" },
  closed: {},
} as const satisfies Lifecycle<ProblemStatus, ProblemStimulus>;

/**
 * The closure codes each open state allows: a fix is applied only once a change resolved
 * the problem; a risk is accepted only for a documented known error; any open problem
 * may be closed as a duplicate of another.
 */
export const closureCodesByState: Readonly<Record<Exclude<ProblemStatus, "none" | "closed">, readonly ClosureCode[]>> = {
  logged: ["duplicate"],
  under_investigation: ["duplicate"],
  root_cause_identified: ["duplicate"],
  known_error: ["risk_accepted", "duplicate"],
  resolved: ["fix_applied"],
};

/** The stimulus a command is looked up by in the lifecycle table. */
export function stimulusOfCommand(type: ProblemCommandType): ProblemStimulus {
  return type.slice("problem.".length) as ProblemStimulus;
}

const STIMULUS_OF_EVENT: Readonly<Record<ProblemEventType, ProblemStimulus>> = {
  "problem.logged": "log",
  "problem.investigation_started": "investigate",
  "problem.root_cause_identified": "identify_root_cause",
  "problem.known_error_recorded": "record_known_error",
  "problem.resolved": "resolve",
  "problem.closed": "close",
  "problem.incident_linked": "link_incident",
};

const LANDING: Readonly<Record<ProblemStimulus, ProblemStatus | undefined>> = {
  log: "logged",
  investigate: "under_investigation",
  identify_root_cause: "root_cause_identified",
  record_known_error: "known_error",
  resolve: "resolved",
  close: "closed",
  link_incident: undefined,
};

/** The state an event leaves a problem in: where the table says, or (for imported history it refuses) where the event lands. */
export function statusAfter(status: ProblemStatus, type: ProblemEventType): ProblemStatus {
  const stimulus = STIMULUS_OF_EVENT[type];
  const row: Partial<Record<ProblemStimulus, ProblemStatus>> = problemLifecycle[status];
  return row[stimulus] ?? LANDING[stimulus] ?? status;
}
