import type { RecordedEvent } from "@handover/core";
import { registerEntry, type IncidentEvent, type IncidentRegisterEntry } from "@handover/incident";
import type { SlaPolicy } from "@handover/itil";
import type { History } from "../history/history.js";
import type { FailureSignal } from "./delivery-recorder.js";

/** When an incident became open (logged, reopened) or stopped being open (resolved, closed, cancelled). */
export interface OpenToggle {
  readonly at: string;
  readonly open: boolean;
}

/** One incident as the metrics know it: the positions of its logging and latest resolution, and when it was open. */
export interface IncidentFacts {
  readonly incidentId: string;
  /** The business time of its first event. */
  readonly loggedAt: string;
  readonly loggedPosition: number;
  resolvedPosition: number | null;
  readonly toggles: OpenToggle[];
}

/** What the incident figures are computed from, gathered event by event. */
export interface IncidentObservations {
  readonly incidents: ReadonlyMap<string, IncidentFacts>;
  /** Every reassignment: when, and its event. */
  readonly reassignments: readonly FailureSignal[];
  /** Incidents linked as caused by a change, by the change: the link events. */
  readonly causedBy: ReadonlyMap<string, readonly FailureSignal[]>;
}

/** Records incident management's facts; the register entries (incident management's own) are read from the history at the end. */
export interface IncidentRecorder {
  readonly observations: IncidentObservations;
  record(event: RecordedEvent): void;
  /** Each incident's register entry as of a time, by the project's SLA policy, with its facts. */
  entries(history: History, sla: SlaPolicy, asOf: string): { readonly entry: IncidentRegisterEntry; readonly facts: IncidentFacts }[];
}

const OPENS: Readonly<Record<string, boolean>> = {
  "incident.logged": true,
  "incident.reopened": true,
  "incident.resolved": false,
  "incident.closed": false,
  "incident.cancelled": false,
};

/** Starts recording incident management's facts. */
export function createIncidentRecorder(): IncidentRecorder {
  const incidents = new Map<string, IncidentFacts>();
  const reassignments: FailureSignal[] = [];
  const causedBy = new Map<string, FailureSignal[]>();
  return {
    observations: { incidents, reassignments, causedBy },
    record(event) {
      if (!event.type.startsWith("incident.")) return;
      const incident = event as RecordedEvent<IncidentEvent>;
      const at = event.meta.occurredAt;
      let facts = incidents.get(incident.data.incidentId);
      if (facts === undefined) incidents.set(incident.data.incidentId, (facts = { incidentId: incident.data.incidentId, loggedAt: at, loggedPosition: event.position, resolvedPosition: null, toggles: [] }));
      const open = OPENS[event.type];
      if (open !== undefined) facts.toggles.push({ at, open });
      if (incident.type === "incident.resolved") facts.resolvedPosition = event.position;
      if (incident.type === "incident.reassigned") reassignments.push({ at, position: event.position });
      if (incident.type === "incident.change_linked" && incident.data.relation === "caused_by") {
        causedBy.set(incident.data.changeId, [...(causedBy.get(incident.data.changeId) ?? []), { at, position: event.position }]);
      }
    },
    entries(history, sla, asOf) {
      return [...incidents.values()].flatMap((facts) => {
        const tracked = history.aggregates.of("incident").get(facts.incidentId);
        return tracked === undefined ? [] : [{ entry: registerEntry(tracked.state, sla, asOf), facts }];
      });
    },
  };
}

/** True when the incident was open at a time: its latest toggle (by business time, then log order) at or before then opened it. */
export function openAt(facts: IncidentFacts, at: string): boolean {
  let latest: OpenToggle | undefined;
  for (const toggle of facts.toggles) if (toggle.at <= at && (latest === undefined || toggle.at >= latest.at)) latest = toggle;
  return latest?.open ?? false;
}
