import type { RecordedEvent } from "@handover/core";
import type { FindingKind } from "../audit/finding.js";
import { deepFreeze } from "../freeze.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";

/** The events each audit rule judged in a log: where the rule had something to hold or break. */
export type FindingOccasions = Readonly<Record<FindingKind, readonly number[]>>;

interface EventFacts {
  readonly type: string;
  readonly data: Record<string, unknown>;
  /** True when the change the event belongs to was raised as an emergency change. */
  readonly emergency: boolean;
}

const isProduction = (facts: EventFacts) => facts.type === "release.deployed" && facts.data.environment === "production";
const isApprovalOrProduction = (facts: EventFacts) => facts.type === "release.approved" || isProduction(facts);
const CREATES = new Set(["incident.logged", "change.raised", "release.planned", "problem.logged"]);
const isVote = (facts: EventFacts) => facts.type === "change.vote_cast" || (facts.type === "change.authorised" && facts.data.basis !== "standard_template") || facts.type === "release.approved";
const isImported = (facts: EventFacts) => facts.type.startsWith("incident.") && facts.data.source !== undefined;

/**
 * Which events each audit rule judges, whether or not it found a breach there: a CI
 * change under change control, a vote or approval, an emergency change's closure, a
 * release's approval or production deployment, a work item's creation (phase gates), a
 * sign-off, an imported incident event. A control whose rules had no occasion is not evidenced.
 */
export const FINDING_OCCASIONS: Readonly<Record<FindingKind, (facts: EventFacts) => boolean>> = {
  ci_change_unauthorised: (facts) => facts.type.startsWith("configuration.") && (facts.data.changeControl as { required?: unknown } | undefined)?.required === true,
  segregation_of_duties: isVote,
  approver_role: isVote,
  emergency_not_reviewed: (facts) => facts.type === "change.closed" && facts.emergency,
  release_changes_unauthorised: (facts) => facts.type === "release.approved",
  release_not_tested: isApprovalOrProduction,
  release_not_approved: isProduction,
  release_without_back_out_plan: isProduction,
  process_before_phase: (facts) => CREATES.has(facts.type),
  process_disabled: (facts) => CREATES.has(facts.type),
  signoff_not_ready: (facts) => facts.type === "project.transition_signed_off",
  import_priority_deviation: isImported,
  import_lifecycle_deviation: isImported,
};

const KINDS = Object.keys(FINDING_OCCASIONS) as FindingKind[];

/** The positions of the events each audit rule judged in the log, in the view the options give. */
export function findingOccasions<L extends Log>(log: L, options: ReadOptions = {}): Answer<L, FindingOccasions> {
  const emergencies = new Set<string>();
  const found = Object.fromEntries(KINDS.map((kind) => [kind, [] as number[]])) as Record<FindingKind, number[]>;
  const visit = (event: RecordedEvent): void => {
    const data = (event.data ?? {}) as Record<string, unknown>;
    if (event.type === "change.raised" && data.changeType === "emergency") emergencies.add(String(data.changeId));
    const facts: EventFacts = { type: event.type, data, emergency: typeof data.changeId === "string" && emergencies.has(data.changeId) };
    for (const kind of KINDS) if (FINDING_OCCASIONS[kind](facts)) found[kind].push(event.position);
  };
  return scanLog(log, logRangeOf(options), visit, () => deepFreeze(found));
}
