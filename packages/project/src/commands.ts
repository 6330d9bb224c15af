import { ActorId, PolicyOverrides, ProjectId, ProjectPhase, Role } from "@handover/itil";
import { z } from "zod";
import { BaselineKind, BaselineScope, Reason, ServiceLevel } from "./values.js";

const onProject = { projectId: ProjectId };

/** Starts a project in phase initiation, with its manager and the policy overrides it runs under. */
export const StartProject = z.strictObject({
  type: z.literal("project.start"),
  ...onProject,
  name: z.string().trim().min(1, "expected a name"),
  manager: ActorId,
  policy: PolicyOverrides.default({}),
});

/** Enters a phase: forward freely, back only with a reason. */
export const EnterPhase = z.strictObject({ type: z.literal("project.enter_phase"), ...onProject, phase: ProjectPhase, reason: Reason.optional() });

/** Grants a role on the project to an actor, from now on (the policy's roles stay as they are). */
export const GrantRole = z.strictObject({ type: z.literal("project.grant_role"), ...onProject, actor: ActorId, role: Role, reason: Reason.optional() });
/** Revokes a role from an actor, from now on, whether the policy or a grant gave it; needs a reason. */
export const RevokeRole = z.strictObject({ type: z.literal("project.revoke_role"), ...onProject, actor: ActorId, role: Role, reason: Reason });

/** Agrees service levels for one or more services; a later agreement for a service replaces the earlier one. */
export const AgreeServiceLevels = z.strictObject({ type: z.literal("project.agree_service_levels"), ...onProject, serviceLevels: z.array(ServiceLevel).min(1) });

/** Takes a named baseline of the project's CIs. */
export const TakeBaseline = z.strictObject({
  type: z.literal("project.take_baseline"),
  ...onProject,
  name: z.string().trim().min(1, "expected a baseline name"),
  kind: BaselineKind,
  scope: BaselineScope,
});

/** Asks the service owner to accept the solution into operation. */
export const RequestTransition = z.strictObject({ type: z.literal("project.request_transition"), ...onProject, note: z.string().trim().min(1).optional() });
/** Withdraws a transition request, with a reason. */
export const WithdrawTransition = z.strictObject({ type: z.literal("project.withdraw_transition"), ...onProject, reason: Reason });
/** Signs the transition off; `overrideReason` signs off although readiness does not pass, and is shown as an audit finding. */
export const SignOffTransition = z.strictObject({ type: z.literal("project.sign_off_transition"), ...onProject, overrideReason: Reason.optional() });

/** Starts early life support after sign-off. */
export const StartEarlyLifeSupport = z.strictObject({ type: z.literal("project.start_early_life_support"), ...onProject });
/** Ends early life support: operations own the service from here. */
export const EndEarlyLifeSupport = z.strictObject({ type: z.literal("project.end_early_life_support"), ...onProject });
/** Closes the project; closing one that never handed over needs a reason. */
export const CloseProject = z.strictObject({ type: z.literal("project.close"), ...onProject, reason: Reason.optional() });

/** Every command of the project process, one union on `type`, routed on `projectId`. */
export const ProjectCommand = z.discriminatedUnion("type", [
  StartProject,
  EnterPhase,
  GrantRole,
  RevokeRole,
  AgreeServiceLevels,
  TakeBaseline,
  RequestTransition,
  WithdrawTransition,
  SignOffTransition,
  StartEarlyLifeSupport,
  EndEarlyLifeSupport,
  CloseProject,
]);
/** A command of the project process, as parsed. */
export type ProjectCommand = z.output<typeof ProjectCommand>;
/** A command's `type`. */
export type ProjectCommandType = ProjectCommand["type"];
/** The command of a given type. */
export type ProjectCommandOf<T extends ProjectCommandType> = Extract<ProjectCommand, { type: T }>;

/** The stream of a project: `project-<projectId>`. */
export function streamIdOfProject(projectId: string): string {
  return `project-${projectId}`;
}
