import type { RecordedEvent } from "@handover/core";
import type { Breach, RuleName } from "@handover/itil";

/** The kinds of rule an audit finds broken in history. */
export const FINDING_KINDS = [
  "ci_change_unauthorised",
  "segregation_of_duties",
  "approver_role",
  "back_out_plan_missing",
  "emergency_not_reviewed",
  "release_changes_unauthorised",
  "release_not_tested",
  "release_not_approved",
  "process_before_phase",
  "process_disabled",
  "problem_resolution_unproven",
  "step_not_permitted",
  "review_contradicts_outcome",
  "baseline_ci_unpromotable",
  "reference_missing",
  "signoff_not_ready",
  "signoff_overridden",
  "emergency_rejected",
  "import_priority_deviation",
  "import_lifecycle_deviation",
] as const;
/** A kind of rule an audit finds broken. */
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The finding each rule's breach makes (a phase gate breach of a process the policy leaves out is `process_disabled`). */
export const FINDING_KIND_OF_RULE: Readonly<Record<RuleName, FindingKind>> = {
  ci_change_authorised: "ci_change_unauthorised",
  segregation_of_duties: "segregation_of_duties",
  approver_role: "approver_role",
  back_out_plan: "back_out_plan_missing",
  emergency_review: "emergency_not_reviewed",
  release_changes_authorised: "release_changes_unauthorised",
  release_tested: "release_not_tested",
  signoff_readiness: "signoff_not_ready",
  phase_gate: "process_before_phase",
  release_approved: "release_not_approved",
  problem_resolution: "problem_resolution_unproven",
  permission: "step_not_permitted",
  review_consistent: "review_contradicts_outcome",
  baseline_promotion: "baseline_ci_unpromotable",
  references_exist: "reference_missing",
};

/** The finding a breach makes. */
export function findingKindOf(breach: Pick<Breach, "rule" | "disabled">): FindingKind {
  return breach.disabled === true ? "process_disabled" : FINDING_KIND_OF_RULE[breach.rule];
}

/**
 * How a finding was found: by `replay` (the audit judged the event against the rules and
 * the facts of its time), `recorded` (the event itself carries the breach: a rule in record
 * mode, a sign-off override, an import's deviation), or `both`.
 */
export type FindingSource = "replay" | "recorded" | "both";

/** A rule broken in history, with the event that broke it and the events that show it. */
export interface AuditFinding {
  readonly kind: FindingKind;
  /** The rule broken, when the finding is a rule's breach (an override or an import's deviation is not). */
  readonly rule?: RuleName;
  /** A sentence naming the entity, the rule and what was missing (replay's words when replay found it). */
  readonly message: string;
  /** The event's own words for the breach, when it recorded one (record mode, an override, an import's deviation). */
  readonly recordedMessage?: string;
  /** The aggregate whose event broke the rule. */
  readonly entityId: string;
  readonly position: number;
  readonly at: string;
  readonly recordedAt: string;
  readonly actor: string;
  /** Positions of the events that are its evidence, the breaking event first. */
  readonly evidence: readonly number[];
  readonly source: FindingSource;
  /** True when the event came from an import (it carries its source record's facts). */
  readonly imported: boolean;
}

/** What a rule check reports: the finding without the parts every finding of an event shares. */
export interface FindingDraft {
  readonly kind: FindingKind;
  readonly rule?: RuleName;
  readonly message: string;
  readonly evidence?: readonly number[];
  readonly source: "replay" | "recorded";
}

/** A finding with a second report of the same rule on the same event folded in: replay's words first, the event's own kept. */
function merged(earlier: AuditFinding, draft: FindingDraft): AuditFinding {
  const source = earlier.source === draft.source ? earlier.source : "both";
  const evidence = [...new Set([...earlier.evidence, ...(draft.evidence ?? [])])];
  const recordedMessage = earlier.recordedMessage ?? (draft.source === "recorded" ? draft.message : undefined);
  const message = draft.source === "replay" && earlier.source === "recorded" ? draft.message : earlier.message;
  return { ...earlier, source, evidence, message, ...(recordedMessage === undefined ? {} : { recordedMessage }) };
}

/** Collects findings per event, merging what replay found with what the event recorded about the same rule. */
export class FindingsCollector {
  private readonly found = new Map<string, AuditFinding>();
  private readonly counted: Partial<Record<FindingKind, number>> = {};

  /** Keeps every finding (`list`), or, with a sink, hands each event's findings to it once the event is judged (`flush`) and keeps only the counts. */
  constructor(private readonly sink?: (finding: AuditFinding) => void) {}

  /** Adds a finding of an event; a second finding of the same kind on the same event merges into the first. */
  add(event: RecordedEvent, entityId: string, draft: FindingDraft): void {
    const key = `${event.position}|${draft.kind}`;
    const earlier = this.found.get(key);
    if (earlier !== undefined) {
      this.found.set(key, merged(earlier, draft));
      return;
    }
    const imported = (event.data as { source?: unknown } | null)?.source !== undefined;
    this.found.set(key, {
      kind: draft.kind,
      ...(draft.rule === undefined ? {} : { rule: draft.rule }),
      message: draft.message,
      ...(draft.source === "recorded" ? { recordedMessage: draft.message } : {}),
      entityId,
      position: event.position,
      at: event.meta.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.meta.actor,
      evidence: [event.position, ...(draft.evidence ?? []).filter((position) => position !== event.position)],
      source: draft.source,
      imported,
    });
  }

  /** The findings in log order (by position, then kind); none once a sink took them. */
  list(): AuditFinding[] {
    return [...this.found.values()].sort(inLogOrder);
  }

  /** With a sink: hands it the findings gathered so far (one event's, in kind order), counts them and forgets them. Without one: nothing. */
  flush(): void {
    if (this.sink === undefined || this.found.size === 0) return;
    const ready = this.list();
    this.found.clear();
    for (const finding of ready) {
      this.counted[finding.kind] = (this.counted[finding.kind] ?? 0) + 1;
      this.sink(finding);
    }
  }

  /** How many findings of each kind: those handed to the sink and those kept. */
  counts(): Partial<Record<FindingKind, number>> {
    const counts = { ...this.counted };
    for (const finding of this.found.values()) counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
    return counts;
  }
}

function inLogOrder(a: AuditFinding, b: AuditFinding): number {
  return a.position - b.position || FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind);
}
