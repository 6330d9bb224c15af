import type { RecordedEvent } from "@handover/core";
import { aggregateIdOf, wiringOfType } from "../event-kinds.js";
import { createHistory, type History } from "../history/history.js";
import { resolveCriteria, type ReadinessCriteria, type ResolvedCriteria } from "./criteria.js";
import { ProductionReleases } from "./production-releases.js";
import { SortedPositions } from "./sorted-positions.js";
import { accompanySpilledItems } from "./spill-companions.js";

/** A relationship that points at a CI that is not registered or is retired. */
export interface BrokenRelationship {
  readonly source: string;
  readonly type: string;
  readonly target: string;
  readonly reason: "unknown" | "retired";
  readonly position: number;
}

/**
 * The replay state readiness is read from: the history (CMDB and every aggregate) and, kept
 * current event by event, the offenders of each check with the position of the event that
 * made them so. Each event touches only its own entries, so a check's verdict is read in
 * constant time (a readiness timeline evaluates every check after every event).
 */
export interface ReadinessState {
  readonly history: History;
  /** The criteria readiness is judged by when asked without others (a sign-off's, the engine's). */
  readonly criteria: ResolvedCriteria;
  /** CIs not retired and not in any production baseline. */
  readonly uncovered: Map<string, number>;
  /** Production CIs, not retired, without an owner. */
  readonly ownerless: Map<string, number>;
  /** Relationships of CIs in service whose target is unknown or retired, by `source|type|target`. */
  readonly broken: Map<string, BrokenRelationship>;
  /** CIs not retired, by type (service levels are checked for the service types). */
  readonly cisByType: Map<string, Set<string>>;
  readonly typeOfCi: Map<string, string>;
  /** Open incidents by priority. */
  readonly openByPriority: Map<number, Map<string, number>>;
  readonly priorityOfOpen: Map<string, number>;
  /** Open incidents without a known error (and so without a workaround). */
  readonly withoutWorkaround: Map<string, number>;
  readonly problemsOfIncident: Map<string, Set<string>>;
  readonly incidentsOfProblem: Map<string, Set<string>>;
  /** Changes neither closed nor cancelled. */
  readonly openChanges: Map<string, number>;
  /** Emergency changes authorised and still waiting for their retrospective review. */
  readonly unreviewedEmergencies: Map<string, number>;
  /** Emergency changes the CAB rejected in their retrospective review, not answered yet (a follow-up change or an accepted reason), with the position of the rejection. */
  readonly unansweredRejections: Map<string, number>;
  /** Releases in production now, by the position of the event that put them there, and which went there last. */
  readonly inProduction: ProductionReleases;
  /** Where each project agreed service levels for each service: `projectId` → service → position. */
  readonly agreements: Map<string, Map<string, number>>;
  /**
   * Resolved and closed incidents with their SLA verdict (the register's `madeSla`), by
   * incident id; a reopened one leaves. In a replay that spills finished work items, the
   * verdict of a spilled incident is spilled with it (and the counts below still count it).
   */
  readonly resolvedSla: Map<string, ResolvedSla>;
  /** How many resolved incidents there are and how many of them breached their SLA, kept as they come and go, so the check is constant-time. */
  readonly slaTally: SlaCount;
  /** The same counts by priority. */
  readonly slaByPriority: Map<number, SlaCount>;
  /** The positions of the events that resolved or closed the incidents that breached their SLA (positions alone: they grow with the log, and a spilled incident's verdict keeps its own). */
  readonly slaBreaches: SortedPositions;
}

/** How many incidents were resolved, and how many of them breached their SLA. */
export interface SlaCount {
  resolved: number;
  breached: number;
}

/** A resolved incident's SLA verdict, as readiness counts it. */
export interface ResolvedSla {
  readonly priority: number;
  readonly madeSla: boolean;
  /** The position of the event that resolved or closed it. */
  readonly position: number;
}

/** An empty readiness state over a history (default: a fresh one), judged by these criteria when asked without others (default: docs/policy.md's). */
export function createReadinessState(history: History = createHistory(), criteria?: ReadinessCriteria): ReadinessState {
  const state: ReadinessState = {
    history,
    criteria: resolveCriteria(criteria),
    uncovered: new Map(),
    ownerless: new Map(),
    broken: new Map(),
    cisByType: new Map(),
    typeOfCi: new Map(),
    openByPriority: new Map(),
    priorityOfOpen: new Map(),
    withoutWorkaround: new Map(),
    problemsOfIncident: new Map(),
    incidentsOfProblem: new Map(),
    openChanges: new Map(),
    unreviewedEmergencies: new Map(),
    unansweredRejections: new Map(),
    inProduction: new ProductionReleases(),
    agreements: new Map(),
    resolvedSla: new Map(),
    slaTally: { resolved: 0, breached: 0 },
    slaByPriority: new Map(),
    slaBreaches: new SortedPositions(),
  };
  accompanySpilledItems(state);
  return state;
}

/**
 * Applies one event: to the history (once, the one model of state), then to the offenders
 * it touches, through its process's readiness hook. Cheap: an inline read model for the engine.
 */
export function applyToReadiness(state: ReadinessState, event: RecordedEvent): void {
  const wiring = wiringOfType(event.type);
  state.history.apply(event, wiring);
  if (wiring?.readiness !== undefined) wiring.readiness(state, aggregateIdOf(wiring, event), event);
}
