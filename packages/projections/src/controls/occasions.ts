import type { RecordedEvent } from "@handover/core";
import type { FindingKind } from "../audit/finding.js";
import { WIRED } from "../event-kinds.js";
import { deepFreeze } from "../freeze.js";
import { scanLog, type Answer, type Log } from "../log.js";
import type { ReadinessCheckName } from "../readiness/criteria.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";

/** The events each audit rule and readiness check judged in a log: where it had something to hold or break. */
export interface RuleOccasions {
  readonly findings: Readonly<Record<FindingKind, readonly number[]>>;
  readonly readiness: Readonly<Record<ReadinessCheckName, readonly number[]>>;
}

/** An event as the occasion tables read it, and whether the change it belongs to was raised as an emergency. */
export interface OccasionEvent {
  readonly event: RecordedEvent;
  readonly data: Readonly<Record<string, unknown>>;
  readonly emergency: boolean;
}

type Judges = (occasion: OccasionEvent) => boolean;

const is = (...types: string[]): Judges => (occasion) => types.includes(occasion.event.type);
const isProduction: Judges = ({ event, data }) => event.type === "release.deployed" && data.environment === "production";
const isVote: Judges = ({ event, data }) => event.type === "change.vote_cast" || event.type === "release.approved" || (event.type === "change.authorised" && data.basis !== "standard_template");
const isImported: Judges = ({ event, data }) => event.type.startsWith("incident.") && data.source !== undefined;
/** The events that start using a process, as every process's phase gate judges them. */
const STARTING = new Set(WIRED.flatMap(({ descriptor }) => descriptor.rules.filter((rule) => rule.name === "phase_gate").flatMap((rule) => rule.judges ?? [])));
const startsProcess: Judges = ({ event }) => STARTING.has(event.type);
/** The events some rule of a process judges by name, as the rules themselves list them (`judges`; every event of the process when a rule lists none). */
function judgedBy(ruleName: string): Judges {
  const types = new Set<string>();
  for (const { descriptor } of WIRED) {
    for (const rule of descriptor.rules.filter((candidate) => candidate.name === ruleName)) {
      for (const type of rule.judges ?? descriptor.catalogue.definitions.keys()) types.add(type);
    }
  }
  return ({ event }) => types.has(event.type);
}
const isVoteOrReview: Judges = (occasion) => isVote(occasion) || is("change.reviewed", "project.role_granted")(occasion);

/**
 * Which events each audit rule judges, whether or not it found a breach there: a CI
 * change under change control, a vote or approval, an emergency change's closure, a
 * release's approval or production deployment, a work item's creation (the phase gates),
 * a sign-off, an imported incident event. A rule with no occasion in a view showed nothing.
 */
export const FINDING_OCCASIONS: Readonly<Record<FindingKind, Judges>> = {
  ci_change_unauthorised: ({ event, data }) => event.type.startsWith("configuration.") && (data.changeControl as { required?: unknown } | undefined)?.required === true,
  segregation_of_duties: isVoteOrReview,
  approver_role: isVote,
  emergency_not_reviewed: (occasion) => occasion.event.type === "change.closed" && occasion.emergency,
  release_changes_unauthorised: is("release.approved", "release.deployed"),
  release_not_tested: (occasion) => occasion.event.type === "release.approved" || isProduction(occasion),
  release_not_approved: isProduction,
  back_out_plan_missing: (occasion) => occasion.event.type === "change.assessed" || isProduction(occasion),
  process_before_phase: startsProcess,
  process_disabled: startsProcess,
  problem_resolution_unproven: is("problem.resolved"),
  step_not_permitted: judgedBy("permission"),
  review_contradicts_outcome: is("change.reviewed"),
  baseline_ci_unpromotable: is("project.baseline_taken"),
  reference_missing: judgedBy("references_exist"),
  signoff_not_ready: is("project.transition_signed_off"),
  signoff_overridden: is("project.transition_signed_off"),
  emergency_rejected: (occasion) => occasion.emergency && is("change.retrospectively_reviewed")(occasion),
  import_priority_deviation: isImported,
  import_lifecycle_deviation: isImported,
};

/**
 * Which events are the subject of each readiness check: the baselines, the incidents, the
 * known errors, the changes, the emergency changes, the production deployments, the CIs
 * and their owners, the relationships, the agreed service levels, the resolved incidents. A check that passes
 * with no such event in the view passed on nothing.
 */
export const READINESS_OCCASIONS: Readonly<Record<ReadinessCheckName, Judges>> = {
  production_baseline: ({ event, data }) => event.type === "project.baseline_taken" && data.kind === "production",
  major_incidents: is("incident.logged", "incident.reprioritised", "incident.resolved", "incident.reopened"),
  incident_workarounds: is("incident.logged", "incident.problem_linked", "problem.known_error_recorded"),
  changes_closed: is("change.raised", "change.closed", "change.cancelled"),
  emergency_changes_reviewed: (occasion) => occasion.emergency && is("change.raised", "change.retrospectively_reviewed")(occasion),
  production_release: isProduction,
  ci_owners: is("configuration.ci_registered", "configuration.owner_transferred"),
  relationships: is("configuration.relationship_added", "configuration.relationship_removed"),
  service_levels: is("project.service_levels_agreed"),
  sla_performance: is("incident.resolved", "incident.closed", "incident.reopened"),
};

function tableOf<K extends string>(judges: Readonly<Record<K, Judges>>): [K, Judges][] {
  return Object.entries(judges) as [K, Judges][];
}

/** The positions of the events each audit rule and readiness check judged in the log, in the view the options give. */
export function ruleOccasions<L extends Log>(log: L, options: ReadOptions = {}): Answer<L, RuleOccasions> {
  const emergencies = new Set<string>();
  const findingTable = tableOf(FINDING_OCCASIONS);
  const readinessTable = tableOf(READINESS_OCCASIONS);
  const findings = Object.fromEntries(findingTable.map(([kind]) => [kind, [] as number[]])) as Record<FindingKind, number[]>;
  const readiness = Object.fromEntries(readinessTable.map(([check]) => [check, [] as number[]])) as Record<ReadinessCheckName, number[]>;
  const visit = (event: RecordedEvent): void => {
    const data = (event.data ?? {}) as Record<string, unknown>;
    if (event.type === "change.raised" && data.changeType === "emergency") emergencies.add(String(data.changeId));
    const occasion: OccasionEvent = { event, data, emergency: typeof data.changeId === "string" && emergencies.has(data.changeId) };
    for (const [kind, judges] of findingTable) if (judges(occasion)) findings[kind].push(event.position);
    for (const [check, judges] of readinessTable) if (judges(occasion)) readiness[check].push(event.position);
  };
  return scanLog(log, logRangeOf(options), visit, () => deepFreeze({ findings, readiness }));
}
