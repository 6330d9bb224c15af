import { createEventCatalogue, defineEvent, type EventOf } from "@handover/core";
import { ActorId, CrossProcessRule, PolicyOverrides, ProjectId, ProjectPhase, Role } from "@handover/itil";
import { z } from "zod";
import { Actor, BaselineCi, BaselineKind, BaselineScope, BusinessTime, FailedCheck, Reason, ServiceLevel } from "./values.js";

const common = { projectId: ProjectId, at: BusinessTime, by: Actor };

/**
 * A rule broken in record mode, as sign-offs written before `meta.recordedBreaches` kept it
 * in their data (`breaches`). Still read, so the audit reports what such logs recorded.
 */
export const RuleBreach = z.object({ rule: CrossProcessRule, message: z.string().min(1) });
/** A rule broken in record mode, as older sign-offs kept it. */
export type RuleBreach = Readonly<z.output<typeof RuleBreach>>;

/** The definitions of the project process's events, by short name. */
export const projectEvents = {
  started: defineEvent("project.started", z.object({ ...common, name: z.string().min(1), manager: ActorId, policy: PolicyOverrides }), {
    description: "A project started in phase initiation, with its manager and its policy overrides.",
  }),
  phaseEntered: defineEvent("project.phase_entered", z.object({ ...common, from: ProjectPhase, to: ProjectPhase, reason: Reason.optional() }), {
    description: "The project entered a phase; a move back carries its reason.",
  }),
  roleGranted: defineEvent("project.role_granted", z.object({ ...common, actor: ActorId, role: Role, reason: Reason.optional() }), {
    description: "A role on the project was granted to an actor: the actor holds it from this event on, besides the roles of the policy.",
  }),
  roleRevoked: defineEvent("project.role_revoked", z.object({ ...common, actor: ActorId, role: Role, reason: Reason }), {
    description: "A role was revoked from an actor, whether the policy or a grant gave it: from this event on the actor no longer holds it.",
  }),
  serviceLevelsAgreed: defineEvent("project.service_levels_agreed", z.object({ ...common, serviceLevels: z.array(ServiceLevel).min(1) }), {
    description: "Service levels were agreed for some services.",
  }),
  baselineTaken: defineEvent("project.baseline_taken", z.object({ ...common, name: z.string().min(1), kind: BaselineKind, scope: BaselineScope, cis: z.array(BaselineCi) }), {
    description: "A baseline was taken: the CIs its scope resolved to and the version of each, so the CMDB at that moment can be replayed.",
  }),
  transitionRequested: defineEvent("project.transition_requested", z.object({ ...common, note: z.string().min(1).optional() }), {
    description: "The project asked for the transition into operation to be signed off.",
  }),
  transitionWithdrawn: defineEvent("project.transition_withdrawn", z.object({ ...common, reason: Reason }), {
    description: "The transition request was withdrawn.",
  }),
  transitionSignedOff: defineEvent(
    "project.transition_signed_off",
    z.object({
      ...common,
      readiness: z.object({ ready: z.boolean(), failing: z.array(FailedCheck) }),
      override: z.object({ reason: Reason }).optional(),
      breaches: z.array(RuleBreach).optional(),
    }),
    { description: "The transition was signed off: the readiness seen and the override reason if any (rules broken in record mode are in meta.recordedBreaches; `breaches` is where older logs kept them)." },
  ),
  earlyLifeSupportStarted: defineEvent("project.early_life_support_started", z.object({ ...common }), {
    description: "Early life support started; the project is in phase early_life_support.",
  }),
  earlyLifeSupportEnded: defineEvent("project.early_life_support_ended", z.object({ ...common }), {
    description: "Early life support ended; operations own the service.",
  }),
  closed: defineEvent("project.closed", z.object({ ...common, reason: Reason.optional() }), {
    description: "The project closed; closing without a handover carries its reason.",
  }),
} as const;

/** The catalogue of the project process's events, for stores and the engine. */
export const projectCatalogue = createEventCatalogue(Object.values(projectEvents));

/** An event of the project process. */
export type ProjectEvent = EventOf<(typeof projectEvents)[keyof typeof projectEvents]>;
/** An event's `type`. */
export type ProjectEventType = ProjectEvent["type"];
/** The event of a given type. */
export type ProjectEventOf<T extends ProjectEventType> = Extract<ProjectEvent, { type: T }>;
