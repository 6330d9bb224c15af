import { domainError, type DomainError } from "@handover/core";
import type { ChangeState } from "@handover/change";
import { ciScope, type CiScope, type CiState } from "@handover/configuration";
import { defaultPolicy, type HandoverPolicy, type ProjectPhase } from "@handover/itil";
import { effectivePolicy, type ProjectState } from "@handover/project";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { EngineView } from "./engine-view.js";

/** The project this log holds, with the policy it runs under. */
export interface ProjectContext {
  readonly state: ProjectState;
  readonly policy: HandoverPolicy;
  readonly phase: ProjectPhase;
}

/** The project of the log (one log holds one project), or undefined before `project.start`. */
export function projectState(view: EngineView): ProjectState | undefined {
  for (const entry of view.aggregatesOf<ProjectState>("project")) if (entry.state.status !== "none") return entry.state;
  return undefined;
}

/** The project and its effective policy, or a refusal saying the project must start first. */
export function projectContext(view: EngineView, organisationPolicy: HandoverPolicy = defaultPolicy): Either<DomainError, ProjectContext> {
  const state = projectState(view);
  if (state === undefined) return left(domainError("no_project", "no project has started in this log; start one with project.start first"));
  const policy = effectivePolicy(state, organisationPolicy);
  if (policy._tag === "Left") return policy;
  return right({ state, policy: policy.right, phase: state.phase });
}

/** Every registered CI by id. */
export function ciStates(view: EngineView): Map<string, CiState> {
  const states = new Map<string, CiState>();
  for (const entry of view.aggregatesOf<CiState>("configuration")) if (entry.state.status !== "none") states.set(entry.state.ciId, entry.state);
  return states;
}

/** Every raised change by id. */
export function changeStates(view: EngineView): Map<string, ChangeState> {
  const states = new Map<string, ChangeState>();
  for (const entry of view.aggregatesOf<ChangeState>("change")) {
    if (entry.state.status !== "none" && entry.state.changeId !== undefined) states.set(entry.state.changeId, entry.state);
  }
  return states;
}

/** A CI's scope now, derived from the project's baselines. */
export function scopeOfCi(view: EngineView, ciId: string): CiScope {
  const project = projectState(view);
  return project === undefined ? "project" : ciScope(ciId as CiState["ciId"], project.baselines);
}
