import { asId, type ActorId, type ProjectId, type ProjectPhase, type Role } from "@handover/itil";
import type { ProjectStatus } from "./lifecycle.js";
import type { BaselineCi, BaselineKind, ProjectPolicyOverrides, ServiceLevel } from "./values.js";

/** A baseline as the project keeps it; it fits configuration's `BaselineFacts`, so CI scope can be derived from it. */
export interface Baseline {
  readonly name: string;
  readonly kind: BaselineKind;
  readonly at: string;
  readonly cis: readonly BaselineCi[];
}

/** A project as its events make it. */
export interface ProjectState {
  readonly status: ProjectStatus;
  readonly projectId: ProjectId;
  readonly name: string;
  readonly manager: ActorId;
  readonly phase: ProjectPhase;
  /** The policy overrides the project was started with; `effectivePolicy` applies them. */
  readonly policy: ProjectPolicyOverrides;
  /** The agreed service levels by service. */
  readonly serviceLevels: Readonly<Record<string, ServiceLevel>>;
  readonly baselines: readonly Baseline[];
  /** Roles granted (true) and revoked (false) by events, by actor and role: they override the policy's roles from the event on (`rolesHeld`). */
  readonly roleChanges: Readonly<Record<string, Readonly<Partial<Record<Role, boolean>>>>>;
}

/** The state of a project that has not started. */
export const initialProjectState: ProjectState = Object.freeze({
  status: "none",
  projectId: asId.project(""),
  name: "",
  manager: asId.actor(""),
  phase: "initiation",
  policy: Object.freeze({}),
  serviceLevels: Object.freeze({}),
  baselines: Object.freeze([]),
  roleChanges: Object.freeze({}),
});
