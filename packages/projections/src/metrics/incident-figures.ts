import type { IncidentRegisterEntry } from "@handover/incident";
import { figureOf, type Figure, type MetricsPeriod, type Observation, type WeekPoint } from "./figure.js";
import { openAt, type IncidentFacts, type IncidentObservations } from "./incident-recorder.js";
import { endOfWeek } from "./weeks.js";

const MINUTE = 60_000;

/** Incident management's figures over a period. */
export interface IncidentMetrics {
  /** The share of incidents resolved in the period that met their SLA (response and resolution), by the project's SLA policy; and by priority. */
  readonly slaAttainment: Figure;
  readonly slaAttainmentByPriority: Readonly<Record<string, Figure>>;
  /** Minutes from logged to the latest resolution, of incidents resolved in the period: mean, median and 90th percentile. */
  readonly timeToResolve: Figure;
  /** The share of incidents resolved in the period that had been reopened at least once. */
  readonly reopenRate: Figure;
  /** Reassignments made in the period, and reassignments per incident logged in the period. */
  readonly reassignments: Figure;
  readonly reassignmentsPerIncident: Figure;
  /** Incidents open (logged or reopened, not resolved, closed or cancelled) at the end of the period and of each week. */
  readonly backlog: Figure;
}

/** One incident's register entry with the facts the metrics gathered. */
export interface RegisteredIncident {
  readonly entry: IncidentRegisterEntry;
  readonly facts: IncidentFacts;
}

/** An observation per resolved incident, at its latest resolution. */
function perResolved(incidents: readonly RegisteredIncident[], value: (entry: IncidentRegisterEntry) => number): Observation[] {
  return incidents.flatMap(({ entry, facts }) => {
    if (entry.resolvedAt === null || facts.resolvedPosition === null) return [];
    return [{ at: new Date(Date.parse(entry.resolvedAt)).toISOString(), value: value(entry), evidence: [facts.loggedPosition, facts.resolvedPosition] }];
  });
}

/** Minutes from logged to the latest resolution. */
export const minutesToResolve = (entry: IncidentRegisterEntry): number => (entry.openedAt === null || entry.resolvedAt === null ? 0 : (Date.parse(entry.resolvedAt) - Date.parse(entry.openedAt)) / MINUTE);

/** Per resolved incident: minutes from logged to resolved, observed at resolution (for time to restore, filtered by priority). */
export function resolutionTimes(incidents: readonly RegisteredIncident[]): Observation[] {
  return perResolved(incidents, minutesToResolve);
}

function backlog(incidents: readonly RegisteredIncident[], period: MetricsPeriod): Figure {
  const openBy = (at: string) => incidents.filter(({ facts }) => openAt(facts, at));
  const weekly = period.weeks.map((week): WeekPoint => {
    const end = endOfWeek(week);
    const count = openBy(end < period.to ? end : period.to).length;
    return { week, value: count, count };
  });
  const open = openBy(period.to);
  return { unit: "count", value: open.length, count: open.length, evidence: open.map(({ facts }) => facts.loggedPosition).sort((a, b) => a - b), weekly };
}

/** Incident management's figures from the register entries (incident management's own, by the project's SLA policy) and what the recorder gathered. */
export function incidentFigures(incidents: readonly RegisteredIncident[], observations: IncidentObservations, period: MetricsPeriod): IncidentMetrics {
  const sla = perResolved(incidents, (entry) => (entry.madeSla ? 1 : 0));
  const priorities = [...new Set(incidents.map(({ entry }) => entry.priority))].sort((a, b) => a - b);
  const slaAttainmentByPriority = Object.fromEntries(
    priorities.map((priority) => [String(priority), figureOf("share", perResolved(incidents.filter(({ entry }) => entry.priority === priority), (entry) => (entry.madeSla ? 1 : 0)), period)]),
  );
  const logged = incidents.map(({ entry, facts }) => ({ at: facts.loggedAt, value: entry.reassignmentCount, evidence: [facts.loggedPosition] }));
  return {
    slaAttainment: figureOf("share", sla, period),
    slaAttainmentByPriority,
    timeToResolve: figureOf("minutes", resolutionTimes(incidents), period),
    reopenRate: figureOf("share", perResolved(incidents, (entry) => (entry.reopenCount > 0 ? 1 : 0)), period),
    reassignments: figureOf("count", observations.reassignments.map((each) => ({ at: each.at, value: 1, evidence: [each.position] })), period),
    reassignmentsPerIncident: figureOf("average", logged, period),
    backlog: backlog(incidents, period),
  };
}
