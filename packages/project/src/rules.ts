import { permissionRule, typesTakingAPermission, type Breach, type CiStatus, type Permission, type Rule, type RuleContext } from "@handover/itil";
import { BASELINE_STATUSES, baselineCovers } from "./baseline-promotion.js";
import { projectLabel } from "./errors.js";
import type { ProjectEvent } from "./events.js";
import type { TransitionReadiness } from "./facts.js";
import type { ProjectState } from "./state.js";

/** What the project's rules read: the rule context, transition readiness just before the event, and each CI's status then. */
export interface ProjectRuleFacts extends RuleContext {
  readonly readiness: TransitionReadiness;
  /** The status a CI of the project holds just before the event; undefined for an id the CMDB does not hold. */
  readonly ciStatus: (ciId: string) => CiStatus | undefined;
}

/** A rule of this process: a function of the state before an event, the event and the rule facts. */
export type ProjectRule = Rule<ProjectState, ProjectEvent, ProjectRuleFacts>;

/** Approver role: the transition is signed off by a service owner. */
export const signedOffByServiceOwner: ProjectRule = {
  name: "approver_role",
  summary: "the transition into operation is signed off by a service owner",
  judges: ["project.transition_signed_off"],
  check: (_state, event, facts): Breach | undefined => {
    const { by, projectId } = event.data;
    const roles = facts.rolesOf(by);
    if (roles.includes("service_owner")) return undefined;
    const holds = roles.length === 0 ? "holds no role" : `holds ${roles.join(", ")}`;
    const message = `${projectLabel(projectId)}: ${by} ${holds}; only a service owner signs the transition off; assign service_owner to ${by} in the policy's roles, or ask a service owner`;
    return { rule: "approver_role", code: "not_service_owner", message, details: { actor: by, roles } };
  },
};

/** Sign-off readiness: the transition is signed off only when readiness passes, or with an override reason (which the audit shows). */
export const signedOffWhenReady: ProjectRule = {
  name: "signoff_readiness",
  summary: "the transition is signed off only when transition readiness passes, or with an override reason the audit shows",
  judges: ["project.transition_signed_off"],
  check: (_state, event, facts): Breach | undefined => {
    if (event.type !== "project.transition_signed_off" || facts.readiness.ready || event.data.override !== undefined) return undefined;
    const failing = facts.readiness.failing.map((check) => `${check.check}: ${check.explanation}`).join("; ");
    const message = `${projectLabel(event.data.projectId)}: transition readiness does not pass (${failing === "" ? "no check named" : failing}); make the checks pass, or sign off with an overrideReason, which is recorded as an audit finding`;
    return { rule: "signoff_readiness", code: "not_ready", message, details: { failing: facts.readiness.failing } };
  },
};

/** Segregation of duties in roles: nobody grants a role to themselves. */
export const noRoleGrantedToSelf: ProjectRule = {
  name: "segregation_of_duties",
  summary: "nobody grants a project role to themselves",
  judges: ["project.role_granted"],
  check: (_state, event): Breach | undefined => {
    if (event.type !== "project.role_granted" || event.data.actor !== event.data.by) return undefined;
    const { by, role, projectId } = event.data;
    const message = `${projectLabel(projectId)}: ${by} cannot grant ${role} to themselves; another holder of project_roles grants it`;
    return { rule: "segregation_of_duties", code: "segregation_of_duties", message, details: { actor: by, role } };
  },
};

/**
 * Baseline promotion: every CI a baseline records is in a status its kind covers
 * (`BASELINE_STATUSES`): a production baseline promotes no CI still planned or in
 * development. CIs the CMDB does not hold are `references_exist`'s to judge, not this rule's.
 */
export const baselinePromotesOnlyCoveredCis: ProjectRule = {
  name: "baseline_promotion",
  summary: "a baseline holds only CIs in a status its kind covers: a production baseline promotes CIs in test or in production, never one still planned or in development",
  judges: ["project.baseline_taken"],
  check: (_state, event, facts): Breach | undefined => {
    if (event.type !== "project.baseline_taken") return undefined;
    const { kind, name, projectId } = event.data;
    const uncovered = event.data.cis.flatMap((ci) => {
      const status = facts.ciStatus(ci.ciId);
      return status === undefined || baselineCovers(kind, status) ? [] : [{ ciId: ci.ciId as string, status }];
    });
    if (uncovered.length === 0) return undefined;
    const listed = uncovered.map((ci) => `${ci.ciId} (${ci.status})`).join(", ");
    const message = `${projectLabel(projectId)}, baseline "${name}": a ${kind} baseline covers CIs in status ${BASELINE_STATUSES[kind].join(" or ")}; ${listed} ${uncovered.length === 1 ? "is" : "are"} not; move ${uncovered.length === 1 ? "it" : "them"} on through the CI lifecycle first, or leave ${uncovered.length === 1 ? "it" : "them"} out`;
    return { rule: "baseline_promotion", code: "unpromotable_ci", message, details: { kind, cis: uncovered } };
  },
};

/** The permission each project event takes: starting a project takes none (there is no project to hold roles in yet), the sign-off none (`approver_role` judges it). */
const PERMISSION_OF_PROJECT_EVENT: Readonly<Record<ProjectEvent["type"], Permission | undefined>> = {
  "project.started": undefined,
  "project.phase_entered": "project_phases",
  "project.role_granted": "project_roles",
  "project.role_revoked": "project_roles",
  "project.service_levels_agreed": "service_levels",
  "project.baseline_taken": "baselines",
  "project.transition_requested": "project_transition",
  "project.transition_withdrawn": "project_transition",
  "project.transition_signed_off": undefined,
  "project.early_life_support_started": "project_transition",
  "project.early_life_support_ended": "project_transition",
  "project.closed": "project_phases",
};

/** The permission a project event takes (`PERMISSION_OF_PROJECT_EVENT`). */
export function permissionOfProject(event: ProjectEvent): Permission | undefined {
  return PERMISSION_OF_PROJECT_EVENT[event.type];
}

/** The project's rules. Project commands are never phase-gated: the project is what the phases belong to. */
export const projectRules: readonly ProjectRule[] = [
  permissionRule<ProjectState, ProjectEvent, ProjectRuleFacts>(permissionOfProject, (event) => projectLabel(event.data.projectId), typesTakingAPermission(PERMISSION_OF_PROJECT_EVENT)),
  noRoleGrantedToSelf,
  baselinePromotesOnlyCoveredCis,
  signedOffByServiceOwner,
  signedOffWhenReady,
];
