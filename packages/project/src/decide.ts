import { transition, type DomainError } from "@handover/core";
import { phaseIndex } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ProjectCommand } from "./commands.js";
import { decideBaseline } from "./decide-baseline.js";
import { decideAgreement, decideClose, decidePhaseEntry, decideStart, handoverStep, type Stamp } from "./decide-project.js";
import { decideRoleChange } from "./decide-roles.js";
import { decideSignOff } from "./decide-signoff.js";
import { projectError, projectLabel } from "./errors.js";
import type { ProjectEvent } from "./events.js";
import type { ProjectFacts } from "./facts.js";
import { earliestPhase, lifecycleCommandOf, projectLifecycle, type ProjectLifecycleCommand } from "./lifecycle.js";
import type { ProjectState } from "./state.js";

/** Decides a project command: the lifecycle table first, then the phase table, then the command's own rules. */
export function decideProject(command: ProjectCommand, state: ProjectState, facts: ProjectFacts): Either<DomainError, readonly ProjectEvent[]> {
  const label = projectLabel(command.projectId);
  const verb = lifecycleCommandOf(command.type);
  const next = transition(projectLifecycle, label, state.status, verb);
  if (next._tag === "Left") return left(explainRefusal(command, state, next.left));
  const tooEarly = checkEarliestPhase(label, verb, state);
  if (tooEarly !== undefined) return left(tooEarly);
  const stamp: Stamp = { projectId: command.projectId, at: facts.at, by: facts.actor };
  switch (command.type) {
    case "project.start":
      return decideStart(command, facts, stamp);
    case "project.enter_phase":
      return decidePhaseEntry(command, state, stamp);
    case "project.grant_role":
    case "project.revoke_role":
      return decideRoleChange(command, state, facts, stamp);
    case "project.agree_service_levels":
      return decideAgreement(command, stamp);
    case "project.take_baseline":
      return decideBaseline(command, state, facts, stamp);
    case "project.sign_off_transition":
      return decideSignOff(command, facts, stamp);
    case "project.close":
      return decideClose(command, state, stamp);
    default:
      return right([handoverStep(command, stamp)]);
  }
}

function checkEarliestPhase(label: string, verb: ProjectLifecycleCommand, state: ProjectState): DomainError | undefined {
  const from = (earliestPhase as Partial<Record<ProjectLifecycleCommand, ProjectState["phase"]>>)[verb];
  if (from === undefined || phaseIndex(state.phase) >= phaseIndex(from)) return undefined;
  return projectError("phase_too_early", `${label}: cannot "${verb}" in phase ${state.phase}; it is accepted from phase ${from} (enter it with project.enter_phase)`, {
    command: verb,
    phase: state.phase,
    earliest: from,
  });
}

function explainRefusal(command: ProjectCommand, state: ProjectState, refusal: DomainError): DomainError {
  const label = projectLabel(command.projectId);
  if (state.status === "none") {
    return projectError("project_not_started", `${label} has not started; start it with project.start first`, { projectId: command.projectId, command: command.type });
  }
  if (command.type === "project.start") {
    return projectError("project_already_started", `${label} has started already ("${state.name}", status ${state.status}, phase ${state.phase}); choose another id`, {
      projectId: command.projectId,
      status: state.status,
    });
  }
  return refusal;
}
