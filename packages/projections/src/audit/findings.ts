import type { RecordedEvent, SpillStore } from "@handover/core";
import type { IncidentEvent } from "@handover/incident";
import { defaultPolicy, type HandoverPolicy } from "@handover/itil";
import type { ProjectEventOf } from "@handover/project";
import { aggregateIdOf, wiringOfType } from "../event-kinds.js";
import { deepFreeze } from "../freeze.js";
import { createHistory } from "../history/history.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { judgeLogEvent } from "../model/judge.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import type { ReadinessCriteria } from "../readiness/criteria.js";
import { spillOptionOf } from "../history/aggregates.js";
import { applyToReadiness, createReadinessState, type ReadinessState } from "../readiness/state.js";
import { entityOfStream } from "./entities.js";
import { evidenceOf } from "./evidence.js";
import { FINDING_KIND_OF_RULE, findingKindOf, FindingsCollector, type AuditFinding, type FindingKind } from "./finding.js";
import { recordedBreachesOf } from "./recorded.js";
import { checkLifecycleDeviation, PriorityDeviations } from "./rules-import.js";

/** Options of `auditFindings`: the project whose phases and policy apply (default: the first started in the log), and where in the log. */
export interface AuditFindingsOptions extends ReadOptions {
  readonly projectId?: string;
  /** The readiness criteria a sign-off is judged by (default: docs/policy.md's). */
  readonly criteria?: ReadinessCriteria;
  /**
   * Takes each finding as soon as its event is judged, in log order, instead of keeping it:
   * the answer's `findings` is then empty and its `counts` complete, so memory does not grow
   * with the number of findings (an audit of millions of events writes them out as it goes).
   */
  readonly onFinding?: (finding: AuditFinding) => void;
  /**
   * Where the audit keeps finished work items (closed or cancelled incidents, changes,
   * problems; releases in production or closed) instead of in memory: each is written out
   * whole once finished and read back if a later event or rule names it, so memory follows
   * the open work rather than the log (a SQLite store's `openSqliteSpillStore`, say). The
   * findings are the same with or without it.
   */
  readonly spill?: SpillStore;
  /** With `spill`: how many of the most recently finished items of each process stay in memory before the oldest is spilled (default 1,000: a closed change is often named by the release that follows it); a whole number from 0, anything else is a RangeError. */
  readonly spillKeepsRecent?: number;
}

/** The rules broken in a log's history, in log order, with counts by kind. */
export interface AuditFindings {
  /** The last log position read. */
  readonly position: number;
  readonly findings: readonly AuditFinding[];
  readonly counts: Readonly<Partial<Record<FindingKind, number>>>;
  /** What the audit could not judge, said once: a log without a project has no phase for the phase gate. */
  readonly notes: readonly string[];
}

/** The note of a log that holds no project. */
export const NO_PROJECT_NOTE = "the log holds no project, so no phase: the phase gate (process_before_phase) has nothing to judge; every other rule was applied";

/** A sign-off with an override: allowed by the rule, and shown, since it went ahead although readiness failed. */
function checkOverride(event: RecordedEvent, findings: FindingsCollector): void {
  if (event.type !== "project.transition_signed_off") return;
  const { projectId, override, readiness } = (event as RecordedEvent<ProjectEventOf<"project.transition_signed_off">>).data;
  if (override === undefined) return;
  const failing = readiness.failing.map((check) => `${check.check}: ${check.explanation}`).join("; ");
  const seen = readiness.ready ? "while readiness passed" : `although readiness failed (${failing || "no check named"})`;
  findings.add(event, projectId, { kind: "signoff_overridden", source: "recorded", message: `project ${projectId}: signed off with the override "${override.reason}" ${seen}` });
}

/**
 * An emergency change the CAB rejected in its retrospective review: no rule was broken (the
 * change was authorised by the ECAB when it ran), but the board disowned it after the fact,
 * which the audit shows; readiness fails until the project answers it.
 */
function checkRetrospectiveRejection(event: RecordedEvent, findings: FindingsCollector): void {
  if (event.type !== "change.retrospectively_reviewed") return;
  const { changeId, verdict, rejectedBy } = event.data as { readonly changeId: string; readonly verdict: string; readonly rejectedBy: readonly string[] };
  if (verdict !== "rejected") return;
  const message = `change ${changeId}: the CAB rejected the emergency change in its retrospective review (${rejectedBy.join(", ") || "by its rule"}); answer it with a follow-up change or an accepted reason (change.answer_rejection)`;
  findings.add(event, changeId, { kind: "emergency_rejected", source: "recorded", message });
}

/** Every finding of one event, judged before it is applied: the rules replay finds broken, the breaches it recorded, an override, an import's deviation. */
function checkEvent(event: RecordedEvent, model: ReadinessState, findings: FindingsCollector): void {
  const wiring = wiringOfType(event.type);
  const entityId = wiring === undefined ? entityOfStream(event.streamId) : aggregateIdOf(wiring, event);
  for (const breach of judgeLogEvent(model, event, wiring)) {
    findings.add(event, entityId, { kind: findingKindOf(breach), rule: breach.rule, message: breach.message, source: "replay", evidence: evidenceOf(breach, event, model) });
  }
  for (const recorded of recordedBreachesOf(event)) {
    findings.add(event, entityId, { kind: FINDING_KIND_OF_RULE[recorded.rule], rule: recorded.rule, message: recorded.message, source: "recorded" });
  }
  checkOverride(event, findings);
  checkRetrospectiveRejection(event, findings);
  if (wiring?.descriptor.name === "incident") checkLifecycleDeviation(event as RecordedEvent<IncidentEvent>, findings);
}

/**
 * The rules broken in history, found by replaying the log and judging every event with the
 * rules the deciders enforce (each process's descriptor), against the facts of its moment
 * (the project's phase and policy, the state of every aggregate then), whether the events
 * were decided here, accepted in record mode or imported; with the breaches the events
 * recorded, sign-offs made with an override, and the priority and lifecycle deviations of imports.
 */
export function auditFindings<L extends Log>(log: L, policy: HandoverPolicy = defaultPolicy, options: AuditFindingsOptions = {}): Answer<L, AuditFindings> {
  const scan = auditScan(policy, options);
  return scanLog(log, logRangeOf(options), scan.visit, scan.finish);
}

/** An audit under way: the one model of state it judges each event against, the visit of each event in log order, and the findings once the log is read. */
export interface AuditScan {
  readonly model: ReadinessState;
  readonly visit: (event: RecordedEvent) => void;
  readonly finish: () => AuditFindings;
}

/**
 * Starts an audit (see `auditFindings`): each visited event is judged against the model as
 * it stood before the event, then applied to it; findings are handed to `onFinding` or kept.
 * The model keeps every aggregate whole, as the rules may read any of their fields.
 */
export function auditScan(policy: HandoverPolicy, options: Omit<AuditFindingsOptions, keyof ReadOptions> = {}): AuditScan {
  const model = createReadinessState(createHistory(policy, options.projectId, spillOptionOf(options)), options.criteria);
  const findings = new FindingsCollector(options.onFinding);
  const priorities = new PriorityDeviations();
  const visit = (event: RecordedEvent): void => {
    checkEvent(event, model, findings);
    applyToReadiness(model, event);
    if (wiringOfType(event.type)?.descriptor.name === "incident") {
      const incident = event as RecordedEvent<IncidentEvent>;
      const tracked = model.history.aggregates.of("incident").get(incident.data.incidentId);
      if (tracked !== undefined) priorities.check(incident, tracked.state, findings);
    }
    model.history.aggregates.spillFinished();
    findings.flush();
  };
  const finish = (): AuditFindings => {
    const list = findings.list();
    const counts = findings.counts();
    const notes = model.history.project() === undefined && model.history.cmdb.position > 0 ? [NO_PROJECT_NOTE] : [];
    return deepFreeze({ position: model.history.cmdb.position, findings: list, counts, notes });
  };
  return { model, visit, finish };
}
