import type { Lifecycle } from "@handover/core";
import type { ProjectPhase } from "@handover/itil";
import type { ProjectCommandType } from "./commands.js";
import type { ProjectEventType } from "./events.js";

/** Where a project stands in its handover, next to (not instead of) the phase it is in. */
export const PROJECT_STATUSES = ["none", "active", "transition_requested", "signed_off", "early_life_support", "handed_over", "closed"] as const;
/** Where a project stands in its handover. */
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A command as the lifecycle table names it: the command type without `project.`. */
export type ProjectLifecycleCommand = ProjectCommandType extends `project.${infer Verb}` ? Verb : never;

/** Commands that record the project's agreements, baselines and roles without moving it on. */
const ongoing = <S extends ProjectStatus>(status: S) => ({ agree_service_levels: status, take_baseline: status, grant_role: status, revoke_role: status }) as const;

/**
 * The project lifecycle: started projects move through phases while active, request the
 * transition, are signed off, run early life support, hand over and close. A request can
 * be withdrawn; an active project can be closed without handover (with a reason).
 */
export const projectLifecycle = {
  none: { start: "active" },
  active: { enter_phase: "active", request_transition: "transition_requested", close: "closed", ...ongoing("active") },
  transition_requested: { sign_off_transition: "signed_off", withdraw_transition: "active", ...ongoing("transition_requested") },
  signed_off: { start_early_life_support: "early_life_support", ...ongoing("signed_off") },
  early_life_support: { end_early_life_support: "handed_over", ...ongoing("early_life_support") },
  handed_over: { close: "closed" },
  closed: {},
} as const satisfies Lifecycle<ProjectStatus, ProjectLifecycleCommand>;

/** The lifecycle command of a command type: `project.enter_phase` → `enter_phase`. */
export function lifecycleCommandOf(type: ProjectCommandType): ProjectLifecycleCommand {
  return type.slice("project.".length) as ProjectLifecycleCommand;
}

/**
 * How each phase is entered: a project starts in initiation, the working phases
 * (initiation included, when going back) are entered with `project.enter_phase`, early
 * life support and closed only by their own commands.
 */
export const phaseEntry = {
  initiation: ["start", "enter_phase"],
  design: ["enter_phase"],
  build: ["enter_phase"],
  system_test: ["enter_phase"],
  acceptance_test: ["enter_phase"],
  deployment: ["enter_phase"],
  early_life_support: ["start_early_life_support"],
  closed: ["close"],
} as const satisfies Readonly<Record<ProjectPhase, readonly ProjectLifecycleCommand[]>>;

/** True when `project.enter_phase` may enter the phase. */
export function enteredWithEnterPhase(phase: ProjectPhase): boolean {
  return (phaseEntry[phase] as readonly ProjectLifecycleCommand[]).includes("enter_phase");
}

/** The phase from which a command is accepted (commands not listed: any phase their status allows). */
export const earliestPhase = {
  request_transition: "deployment",
} as const satisfies Partial<Readonly<Record<ProjectLifecycleCommand, ProjectPhase>>>;

/** The lifecycle command each event answers to. */
const COMMAND_OF_EVENT: Readonly<Record<ProjectEventType, ProjectLifecycleCommand>> = {
  "project.started": "start",
  "project.phase_entered": "enter_phase",
  "project.role_granted": "grant_role",
  "project.role_revoked": "revoke_role",
  "project.service_levels_agreed": "agree_service_levels",
  "project.baseline_taken": "take_baseline",
  "project.transition_requested": "request_transition",
  "project.transition_withdrawn": "withdraw_transition",
  "project.transition_signed_off": "sign_off_transition",
  "project.early_life_support_started": "start_early_life_support",
  "project.early_life_support_ended": "end_early_life_support",
  "project.closed": "close",
};

/** Where an event lands when the table does not accept it (imported history); agreements, baselines and phases move no status. */
const LANDING: Readonly<Partial<Record<ProjectLifecycleCommand, ProjectStatus>>> = {
  start: "active",
  request_transition: "transition_requested",
  withdraw_transition: "active",
  sign_off_transition: "signed_off",
  start_early_life_support: "early_life_support",
  end_early_life_support: "handed_over",
  close: "closed",
};

/** The status an event leaves a project in: where the table says, or (for imported history it refuses) where the event lands. */
export function statusAfter(status: ProjectStatus, type: ProjectEventType): ProjectStatus {
  const command = COMMAND_OF_EVENT[type];
  const row: Partial<Record<ProjectLifecycleCommand, ProjectStatus>> = projectLifecycle[status];
  return row[command] ?? LANDING[command] ?? status;
}
