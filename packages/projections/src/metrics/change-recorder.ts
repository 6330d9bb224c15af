import { CHANGE_TYPES, IMPLEMENTATION_OUTCOMES, type ChangeEvent, type ChangeType, type ImplementationOutcome } from "@handover/change";
import type { ConfigurationEvent } from "@handover/configuration";
import type { RecordedEvent } from "@handover/core";
import { judgeCiChange } from "../history/authorisation.js";
import type { History } from "../history/history.js";
import type { Observation } from "./figure.js";

/** The levels a change works at: the project (scope, requirements) or the solution (CIs). */
export const CHANGE_LEVELS = ["project", "solution"] as const;
/** The level a change works at. */
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

const REVIEW_SCORE = { successful: 1, partially_successful: 0.5, unsuccessful: 0 } as const;
const MINUTE = 60_000;

/** A change as the metrics know it: when and where it was raised, and its type. */
export interface RaisedChangeFact {
  readonly raisedAt: string;
  readonly position: number;
  readonly changeType: ChangeType;
}

/** What change management's figures are computed from, gathered event by event. */
export interface ChangeObservations {
  readonly raised: ReadonlyMap<string, RaisedChangeFact>;
  readonly raisedByType: Readonly<Record<ChangeType, Observation[]>>;
  readonly raisedByLevel: Readonly<Record<ChangeLevel, Observation[]>>;
  /** Per raised change: 1 when it is an emergency change. */
  readonly emergency: Observation[];
  /** Per CI change under change control: 1 when no authorised change covered it. */
  readonly unauthorisedCiChanges: Observation[];
  /** Per implementation: 1 when it ended successful. */
  readonly implementations: Observation[];
  readonly outcomes: Readonly<Record<ImplementationOutcome, Observation[]>>;
  /** Per implemented change: its id (for the changes that caused incidents). */
  readonly implementedChanges: readonly { readonly changeId: string; readonly observation: Observation }[];
  /** Per CAB or ECAB authorisation: minutes from raised to authorised. */
  readonly approvalLatency: Observation[];
  readonly rejected: Observation[];
  readonly revised: Observation[];
  /** Per schedule recorded with conflicts: accepted with an override reason, or by an emergency change (which records them and proceeds). */
  readonly conflictsOverridden: Observation[];
  /** Per post-implementation review: 1 successful, 0.5 partially, 0 unsuccessful. */
  readonly reviews: Observation[];
}

/** Records the facts of change management's figures: call `record` before the event is applied to the history. */
export interface ChangeRecorder {
  readonly observations: ChangeObservations;
  record(event: RecordedEvent, history: History): void;
}

const byKey = <K extends string>(keys: readonly K[]): Record<K, Observation[]> => Object.fromEntries(keys.map((key) => [key, []])) as unknown as Record<K, Observation[]>;

/** Starts recording change management's facts. */
export function createChangeRecorder(): ChangeRecorder {
  const raised = new Map<string, RaisedChangeFact>();
  const implementedChanges: { changeId: string; observation: Observation }[] = [];
  const observations: ChangeObservations = {
    raised,
    raisedByType: byKey(CHANGE_TYPES),
    raisedByLevel: byKey(CHANGE_LEVELS),
    emergency: [],
    unauthorisedCiChanges: [],
    implementations: [],
    outcomes: byKey(IMPLEMENTATION_OUTCOMES),
    implementedChanges,
    approvalLatency: [],
    rejected: [],
    revised: [],
    conflictsOverridden: [],
    reviews: [],
  };
  const recordChange = (event: RecordedEvent<ChangeEvent>): void => {
    const at = event.meta.occurredAt;
    const here = { at, value: 1, evidence: [event.position] };
    switch (event.type) {
      case "change.raised": {
        raised.set(event.data.changeId, { raisedAt: at, position: event.position, changeType: event.data.changeType });
        observations.raisedByType[event.data.changeType].push(here);
        observations.raisedByLevel[event.data.scope.level].push(here);
        observations.emergency.push({ ...here, value: event.data.changeType === "emergency" ? 1 : 0 });
        return;
      }
      case "change.authorised": {
        const change = raised.get(event.data.changeId);
        if (event.data.basis === "standard_template" || change === undefined) return;
        observations.approvalLatency.push({ at, value: (Date.parse(at) - Date.parse(change.raisedAt)) / MINUTE, evidence: [change.position, event.position] });
        return;
      }
      case "change.implemented": {
        const observation = { ...here, value: event.data.outcome === "successful" ? 1 : 0 };
        observations.implementations.push(observation);
        observations.outcomes[event.data.outcome].push(here);
        implementedChanges.push({ changeId: event.data.changeId, observation });
        return;
      }
      case "change.rejected":
        observations.rejected.push(here);
        return;
      case "change.revised":
        observations.revised.push(here);
        return;
      case "change.scheduled":
        if (event.data.conflicts.length > 0) observations.conflictsOverridden.push(here);
        return;
      case "change.reviewed":
        observations.reviews.push({ ...here, value: REVIEW_SCORE[event.data.result] });
        return;
      default:
        return;
    }
  };
  return {
    observations,
    record(event, history) {
      if (event.type.startsWith("change.")) recordChange(event as RecordedEvent<ChangeEvent>);
      else if (event.type.startsWith("configuration.")) {
        const ciEvent = event as RecordedEvent<ConfigurationEvent>;
        if (!ciEvent.data.changeControl.required) return;
        const judgement = judgeCiChange(ciEvent, history.aggregates.of("change"));
        observations.unauthorisedCiChanges.push({ at: event.meta.occurredAt, value: judgement.authorised ? 0 : 1, evidence: [event.position] });
      }
    },
  };
}
