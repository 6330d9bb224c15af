import type { RecordedEvent } from "@handover/core";
import type { ChangeEvent } from "@handover/change";
import type { ConfigurationEvent } from "@handover/configuration";
import type { IncidentEvent } from "@handover/incident";
import { defaultPolicy, type HandoverPolicy } from "@handover/itil";
import type { ProjectEventOf } from "@handover/project";
import type { ReleaseEvent } from "@handover/release";
import { processOf } from "../event-kinds.js";
import { deepFreeze } from "../freeze.js";
import { createHistory, type History } from "../history/history.js";
import type { ReadinessCriteria } from "../readiness/criteria.js";
import { applyToReadiness, createReadinessState, type ReadinessState } from "../readiness/state.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import { FindingsCollector, type AuditFinding, type FindingKind } from "./finding.js";
import { checkChangeEvent } from "./rules-change.js";
import { checkCiChange } from "./rules-configuration.js";
import { checkLifecycleDeviation, PriorityDeviations } from "./rules-import.js";
import { checkPhaseGate, checkSignOff } from "./rules-project.js";
import { checkReleaseEvent } from "./rules-release.js";

/** Options of `auditFindings`: the project whose phases and policy apply (default: the first started in the log), and where in the log. */
export interface AuditFindingsOptions extends ReadOptions {
  readonly projectId?: string;
  /** The readiness criteria a sign-off is judged by (default DESIGN.md's). */
  readonly criteria?: ReadinessCriteria;
}

/** The rules broken in a log's history, in log order, with counts by kind. */
export interface AuditFindings {
  /** The last log position read. */
  readonly position: number;
  readonly findings: readonly AuditFinding[];
  readonly counts: Readonly<Partial<Record<FindingKind, number>>>;
}

function checkBefore(event: RecordedEvent, readiness: ReadinessState, findings: FindingsCollector, criteria: ReadinessCriteria | undefined): void {
  const history: History = readiness.history;
  checkPhaseGate(event, history, findings);
  switch (processOf(event.type)) {
    case "configuration":
      checkCiChange(event as RecordedEvent<ConfigurationEvent>, history, findings);
      break;
    case "change":
      checkChangeEvent(event as RecordedEvent<ChangeEvent>, history, findings);
      break;
    case "release":
      checkReleaseEvent(event as RecordedEvent<ReleaseEvent>, history, findings);
      break;
    case "incident":
      checkLifecycleDeviation(event as RecordedEvent<IncidentEvent>, findings);
      break;
    default:
      if (event.type === "project.transition_signed_off") checkSignOff(event as RecordedEvent<ProjectEventOf<"project.transition_signed_off">>, readiness, findings, criteria);
  }
}

/**
 * The rules broken in history, found by replaying the log against the rules and the facts
 * of each moment (the project's phase and policy, the state of the changes and releases
 * then), whether the events were decided here, accepted in record mode or imported: CIs
 * changed under change control without an authorised change, approvals by the requester
 * or without the role, emergency changes closed unreviewed, releases in production
 * untested, unapproved or without a back-out plan, processes used before their phase,
 * sign-offs with readiness failing (as recorded, and as replay finds it then), and the priority and lifecycle deviations of imports.
 */
export function auditFindings<L extends Log>(log: L, policy: HandoverPolicy = defaultPolicy, options: AuditFindingsOptions = {}): Answer<L, AuditFindings> {
  const readiness = createReadinessState(createHistory(policy, options.projectId));
  const history = readiness.history;
  const findings = new FindingsCollector();
  const priorities = new PriorityDeviations();
  const visit = (event: RecordedEvent): void => {
    checkBefore(event, readiness, findings, options.criteria);
    applyToReadiness(readiness, event);
    if (processOf(event.type) === "incident") {
      const incident = event as RecordedEvent<IncidentEvent>;
      const tracked = history.aggregates.incidents.get(incident.data.incidentId);
      if (tracked !== undefined) priorities.check(incident, tracked.state, findings);
    }
  };
  const finish = (): AuditFindings => {
    const list = findings.list();
    const counts: Partial<Record<FindingKind, number>> = {};
    for (const finding of list) counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
    return deepFreeze({ position: history.cmdb.position, findings: list, counts });
  };
  return scanLog(log, logRangeOf(options), visit, finish);
}
