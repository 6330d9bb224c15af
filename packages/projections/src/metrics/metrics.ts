import type { RecordedEvent } from "@handover/core";
import { defaultPolicy, type HandoverPolicy } from "@handover/itil";
import { deepFreeze } from "../freeze.js";
import { createHistory } from "../history/history.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import { changeFigures, type ChangeMetrics } from "./change-figures.js";
import { createChangeRecorder } from "./change-recorder.js";
import { deliveryFigures, type DeliveryMetrics } from "./delivery-figures.js";
import { createDeliveryRecorder } from "./delivery-recorder.js";
import type { MetricsPeriod } from "./figure.js";
import { incidentFigures, type IncidentMetrics } from "./incident-figures.js";
import { createIncidentRecorder } from "./incident-recorder.js";
import { periodOf } from "./period.js";
import { resolveWeights, type SuccessScoreWeights } from "./success-score.js";

/** Options of `processMetrics`: where in the log, the period the figures cover, the project whose SLA policy applies, and the score's weights. */
export interface MetricsOptions extends ReadOptions {
  /** The project whose policy (its SLA targets) applies (default: the first one started in the log). */
  readonly projectId?: string;
  /** The period's first moment: a date (its start, UTC) or a date-time with a zone (default: the first business time in the view). */
  readonly from?: string;
  /** The period's last moment: a date (its end, UTC) or a date-time with a zone (default: the end of the view, `asOf`, else the last business time in it). */
  readonly to?: string;
  /** The change success score's weights (default `DEFAULT_SUCCESS_SCORE_WEIGHTS`). */
  readonly weights?: Partial<SuccessScoreWeights>;
  /** Incidents at this priority or higher (a lower number) count for time to restore (default 2: P1 and P2). */
  readonly majorPriority?: number;
}

/** How well change, release and incident management worked over a period, each figure with its evidence and weekly series. */
export interface ProcessMetrics {
  /** The last log position read. */
  readonly position: number;
  readonly period: MetricsPeriod;
  readonly change: ChangeMetrics;
  readonly delivery: DeliveryMetrics;
  readonly incident: IncidentMetrics;
}

/**
 * The figures an auditor asks for after the findings, from the events alone: change
 * management's (changes by type and level, emergency ratio, unauthorised CI changes,
 * implementation success, the change success score, CAB approval latency, rejections and
 * revisions, overridden schedule conflicts), DORA's four keys (deployment frequency, lead
 * time, change failure rate, time to restore) and incident management's (SLA attainment by
 * priority with the project's SLA policy, time to resolve, reopen rate, reassignments,
 * backlog); each over the period, with the positions of its events and a weekly series.
 * The log is cut by `asOf`, `knownAt` and `toPosition`; the period picks what is counted.
 */
export function processMetrics<L extends Log>(log: L, policy: HandoverPolicy = defaultPolicy, options: MetricsOptions = {}): Answer<L, ProcessMetrics> {
  const range = logRangeOf(options);
  const weights = resolveWeights(options.weights);
  const majorPriority = options.majorPriority ?? 2;
  const history = createHistory(policy, options.projectId);
  const changes = createChangeRecorder();
  const delivery = createDeliveryRecorder();
  const incidents = createIncidentRecorder();
  let first: string | undefined;
  let last: string | undefined;
  const raisedChange = (changeId: string) => changes.observations.raised.get(changeId);
  const visit = (event: RecordedEvent): void => {
    const at = event.meta.occurredAt;
    if (first === undefined || at < first) first = at;
    if (last === undefined || at > last) last = at;
    changes.record(event, history);
    delivery.record(event, raisedChange);
    incidents.record(event);
    history.apply(event);
  };
  const finish = (): ProcessMetrics => {
    const limit = range.recordedUntil !== undefined && (range.until === undefined || range.recordedUntil < range.until) ? range.recordedUntil : range.until;
    const period = periodOf(options, range.until, first, last, limit);
    const registered = incidents.entries(history, history.policy().sla, range.until ?? last ?? period.to);
    const causedBy = incidents.observations.causedBy;
    return deepFreeze({
      position: history.cmdb.position,
      period,
      change: changeFigures(changes.observations, causedBy, weights, period),
      delivery: deliveryFigures(delivery.observations, causedBy, registered, majorPriority, period),
      incident: incidentFigures(registered, incidents.observations, period),
    });
  };
  return scanLog(log, range, visit, finish);
}
