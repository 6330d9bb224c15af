import type { RecordedEvent } from "@handover/core";
import { createIncidentRegisterBuilder, type IncidentRegisterEntry } from "@handover/incident";
import { millisBetween } from "@handover/core";
import { defaultPolicy, type HandoverPolicy, type SlaPolicy } from "@handover/itil";
import { deepFreeze } from "../freeze.js";
import { createHistory } from "../history/history.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";

/**
 * Options of `incidentSummary`: where in the log; the organisation's policy (default
 * docs/policy.md's), whose SLA the log's project overrides as every read model applies them;
 * or an SLA policy that replaces the log's altogether.
 */
export interface IncidentSummaryOptions extends ReadOptions {
  readonly policy?: HandoverPolicy;
  readonly projectId?: string;
  readonly sla?: SlaPolicy;
}

/**
 * Incidents of one priority in the view: how many, how many open, how many resolved, how
 * long those took to resolve, how many broke their SLA. Open and resolved never overlap
 * (the rest were cancelled).
 */
export interface PrioritySummary {
  readonly priority: number;
  readonly count: number;
  /** New, assigned, in progress or on hold in the view. */
  readonly open: number;
  /** Resolved or closed in the view. */
  readonly resolved: number;
  /** The median time from opening to resolution of the resolved ones whose times the view knows, in minutes (the mean of the middle two for an even count), or null when there are none. */
  readonly medianResolutionMinutes: number | null;
  /** The 90th percentile (nearest rank) of the same times to resolve, in minutes, or null when there are none. */
  readonly p90ResolutionMinutes: number | null;
  readonly breaches: number;
}

/** The incident register (incident management's own) with an SLA summary by priority. */
export interface IncidentSummary {
  readonly position: number;
  readonly register: readonly IncidentRegisterEntry[];
  readonly byPriority: readonly PrioritySummary[];
}

const OPEN = new Set(["new", "assigned", "in_progress", "on_hold"]);
const RESOLVED = new Set(["resolved", "closed"]);

/** The median of sorted numbers (mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A percentile of sorted numbers by the nearest-rank method. */
export function nearestRank(sorted: readonly number[], percentile: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1)] ?? null;
}

function summarise(priority: number, entries: readonly IncidentRegisterEntry[]): PrioritySummary {
  const resolved = entries.filter((entry) => RESOLVED.has(entry.state));
  const minutes = resolved
    .flatMap((entry) => (entry.openedAt !== null && entry.resolvedAt !== null ? [millisBetween(entry.openedAt, entry.resolvedAt) / 60_000] : []))
    .sort((a, b) => a - b);
  return {
    priority,
    count: entries.length,
    open: entries.filter((entry) => OPEN.has(entry.state)).length,
    resolved: resolved.length,
    medianResolutionMinutes: median(minutes),
    p90ResolutionMinutes: nearestRank(minutes, 90),
    breaches: entries.filter((entry) => !entry.madeSla).length,
  };
}

/**
 * The incident register as of any point of the log, built by incident management's own
 * register builder (its SLA verdicts from `slaStatus`, an import's from its source), and a
 * summary by priority: count, open, median and 90th-percentile time to resolve, breaches.
 */
export function incidentSummary<L extends Log>(log: L, options: IncidentSummaryOptions = {}): Answer<L, IncidentSummary> {
  const range = logRangeOf(options);
  // The project's events alone give the policy the log records (its overrides on the organisation's), the way every read model reads it.
  const project = createHistory(options.policy ?? defaultPolicy, options.projectId, "readiness");
  // The builder reads its SLA policy when it gives its entries, at the end: the project's policy as the whole view has it.
  const builder = createIncidentRegisterBuilder({
    get sla(): SlaPolicy {
      return options.sla ?? project.policy().sla;
    },
    ...(range.until === undefined ? {} : { asOf: range.until }),
  });
  let position = 0;
  const visit = (event: RecordedEvent): void => {
    if (event.type.startsWith("project.")) project.apply(event);
    else builder.add(event);
    position = event.position;
  };
  const finish = (): IncidentSummary => {
    const register = builder.entries();
    const priorities = [...new Set(register.map((entry) => entry.priority))].sort((a, b) => a - b);
    const byPriority = priorities.map((priority) => summarise(priority, register.filter((entry) => entry.priority === priority)));
    return deepFreeze({ position, register, byPriority });
  };
  return scanLog(log, range, visit, finish);
}
