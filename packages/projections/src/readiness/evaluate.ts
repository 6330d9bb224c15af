import type { TransitionReadiness } from "@handover/project";
import { deepFreeze } from "../freeze.js";
import type { CheckContext, CheckDefinition } from "./check.js";
import { ciOwnersCheck, productionBaselineCheck, relationshipsCheck } from "./checks-configuration.js";
import { productionReleaseCheck, serviceLevelsCheck } from "./checks-handover.js";
import { changesClosedCheck, emergencyChangesReviewedCheck, incidentWorkaroundsCheck, majorIncidentsCheck, slaPerformanceCheck } from "./checks-work.js";
import { resolveCriteria, type CheckStatus, type ReadinessCheckName, type ReadinessCriteria, type ResolvedCriteria } from "./criteria.js";
import type { ReadinessState } from "./state.js";
import type { Standing } from "../read-options.js";

const DEFINITIONS: Readonly<Record<ReadinessCheckName, CheckDefinition>> = {
  production_baseline: productionBaselineCheck,
  major_incidents: majorIncidentsCheck,
  incident_workarounds: incidentWorkaroundsCheck,
  changes_closed: changesClosedCheck,
  emergency_changes_reviewed: emergencyChangesReviewedCheck,
  production_release: productionReleaseCheck,
  ci_owners: ciOwnersCheck,
  relationships: relationshipsCheck,
  service_levels: serviceLevelsCheck,
  sla_performance: slaPerformanceCheck,
};

/** One check's verdict: its status, a sentence a person can act on, and the positions of the events that are its evidence. */
export interface ReadinessCheck {
  readonly name: ReadinessCheckName;
  readonly status: CheckStatus;
  readonly explanation: string;
  readonly evidence: readonly number[];
}

/** Transition readiness of a project at a point of the log: ready when no check fails. */
export interface Readiness {
  readonly projectId: string;
  /** The last log position read. */
  readonly position: number;
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly ready: boolean;
  readonly checks: readonly ReadinessCheck[];
}

/** Where a readiness answer stands, as the read options asked (the one `Standing` of every read model). */
export type ReadinessStanding = Standing;

function contextOf(state: ReadinessState, projectId: string, criteria: ResolvedCriteria): CheckContext {
  return { state, projectId, project: state.history.aggregates.of("project").get(projectId)?.state, criteria };
}

function asResolved(criteria: ReadinessCriteria | ResolvedCriteria | undefined): ResolvedCriteria {
  return criteria !== undefined && criteria.deferredChanges instanceof Set ? (criteria as ResolvedCriteria) : resolveCriteria(criteria as ReadinessCriteria | undefined);
}

/**
 * Each asked check's status without its sentence or evidence, in constant time per check:
 * what a timeline compares after every event.
 */
export function readinessVerdicts(state: ReadinessState, projectId: string, criteria: ResolvedCriteria): CheckStatus[] {
  const context = contextOf(state, projectId, criteria);
  return criteria.checks.map((name) => (DEFINITIONS[name].passes(context) ? "pass" : criteria.severities[name]));
}

/** Transition readiness of a project from a readiness state (a replay, or the engine's inline state), by the criteria given or else the state's own. */
export function readinessOf(state: ReadinessState, projectId: string, criteria?: ReadinessCriteria | ResolvedCriteria, standing: ReadinessStanding = {}): Readiness {
  const resolved = criteria === undefined ? state.criteria : asResolved(criteria);
  const context = contextOf(state, projectId, resolved);
  const checks = resolved.checks.map((name): ReadinessCheck => {
    const outcome = DEFINITIONS[name].outcome(context);
    return { name, status: outcome.passes ? "pass" : resolved.severities[name], explanation: outcome.explanation, evidence: outcome.evidence };
  });
  return deepFreeze({ projectId, position: state.history.cmdb.position, ...standing, ready: checks.every((check) => check.status !== "fail"), checks });
}

/** Readiness as the project's sign-off records it: ready, and the checks that fail (warnings do not block). */
export function toSignOffReadiness(readiness: Readiness): TransitionReadiness {
  return {
    ready: readiness.ready,
    failing: readiness.checks.filter((check) => check.status === "fail").map((check) => ({ check: check.name, explanation: check.explanation })),
  };
}
