import type { DomainError } from "@handover/core";
import { phaseIndex, resolvePolicy, type ProjectId } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ProjectCommandOf } from "./commands.js";
import { projectError, projectLabel } from "./errors.js";
import type { ProjectEvent } from "./events.js";
import type { ProjectFacts } from "./facts.js";
import { enteredWithEnterPhase, phaseEntry } from "./lifecycle.js";
import type { ProjectState } from "./state.js";

/** The fields every project event carries. */
export interface Stamp {
  readonly projectId: ProjectId;
  readonly at: string;
  readonly by: string;
}

/** The outcome of a project command. */
type Decided = Either<DomainError, readonly ProjectEvent[]>;

/** Starting a project: its overrides must apply cleanly to the organisation's policy (refused with the field path). */
export function decideStart(command: ProjectCommandOf<"project.start">, facts: ProjectFacts, stamp: Stamp): Decided {
  const resolved = resolvePolicy(command.policy, facts.policy);
  if (resolved._tag === "Left") {
    return left(projectError("invalid_policy", `${projectLabel(command.projectId)}: its policy overrides do not apply: ${resolved.left}`, { projectId: command.projectId }));
  }
  return right([{ type: "project.started", data: { ...stamp, name: command.name, manager: command.manager, policy: command.policy } }]);
}

/**
 * Entering a phase: only the working phases are entered this way (early life support
 * and closed have their own commands); forward freely, back only with a reason; the
 * phase the project is in changes nothing.
 */
export function decidePhaseEntry(command: ProjectCommandOf<"project.enter_phase">, state: ProjectState, stamp: Stamp): Decided {
  const label = projectLabel(command.projectId);
  const { phase: to, reason } = command;
  const from = state.phase;
  if (!enteredWithEnterPhase(to)) {
    const entry = phaseEntry[to].map((verb) => `project.${verb}`).join(" or ");
    return left(projectError("phase_not_enterable", `${label}: phase ${to} is not entered with project.enter_phase; use ${entry}`, { phase: to, commands: phaseEntry[to] }));
  }
  if (to === from) return right([]);
  if (phaseIndex(to) < phaseIndex(from) && reason === undefined) {
    return left(projectError("reason_required", `${label}: going back from ${from} to ${to} needs a reason; give one in "reason"`, { from, to }));
  }
  return right([{ type: "project.phase_entered", data: { ...stamp, from, to, ...(reason === undefined ? {} : { reason }) } }]);
}

/** Agreeing service levels: each service once per agreement. */
export function decideAgreement(command: ProjectCommandOf<"project.agree_service_levels">, stamp: Stamp): Decided {
  const seen = new Set<string>();
  for (const level of command.serviceLevels) {
    if (seen.has(level.service)) {
      return left(projectError("duplicate_service", `${projectLabel(command.projectId)}: service ${level.service} is listed twice in one agreement; give each service once`, { service: level.service }));
    }
    seen.add(level.service);
  }
  return right([{ type: "project.service_levels_agreed", data: { ...stamp, serviceLevels: command.serviceLevels } }]);
}

/** The handover steps the tables say all there is about: request and withdraw the transition, start and end early life support. */
export function handoverStep(
  command: ProjectCommandOf<"project.request_transition" | "project.withdraw_transition" | "project.start_early_life_support" | "project.end_early_life_support">,
  stamp: Stamp,
): ProjectEvent {
  switch (command.type) {
    case "project.request_transition":
      return { type: "project.transition_requested", data: { ...stamp, ...(command.note === undefined ? {} : { note: command.note }) } };
    case "project.withdraw_transition":
      return { type: "project.transition_withdrawn", data: { ...stamp, reason: command.reason } };
    case "project.start_early_life_support":
      return { type: "project.early_life_support_started", data: stamp };
    case "project.end_early_life_support":
      return { type: "project.early_life_support_ended", data: stamp };
  }
}

/** Closing: after handover, or (from active) without one, which needs a reason. */
export function decideClose(command: ProjectCommandOf<"project.close">, state: ProjectState, stamp: Stamp): Decided {
  const { reason } = command;
  if (state.status !== "handed_over" && reason === undefined) {
    return left(projectError("reason_required", `${projectLabel(command.projectId)}: closing without a handover (status ${state.status}) needs a reason; give one in "reason"`, { status: state.status }));
  }
  return right([{ type: "project.closed", data: { ...stamp, ...(reason === undefined ? {} : { reason }) } }]);
}
