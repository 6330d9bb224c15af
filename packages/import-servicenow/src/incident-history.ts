import { mutableCopy, transition } from "@handover/core";
import {
  evolveIncident,
  incidentLifecycle,
  initialIncidentState,
  stimulusOfEvent,
  streamIdOfIncident,
  type IncidentEvent,
  type IncidentState,
  type IncidentStatus,
  type SourceFacts,
} from "@handover/incident";
import { asId } from "@handover/itil";
import type { Snapshot } from "./snapshot.js";

/** A mutable incident state, as `evolveIncident` takes it. */
type IncidentDraft = Parameters<typeof evolveIncident>[0];

/** An event our lifecycle would have refused, imported as a fact of history and reported. */
export interface LifecycleDeviation {
  readonly number: string;
  readonly line: number;
  readonly eventType: IncidentEvent["type"];
  readonly from: IncidentStatus;
  readonly message: string;
}

type Common = "incidentId" | "at" | "by" | "source";
/** An incident event without the fields every event carries (they come from the row). */
export type Payload = IncidentEvent extends infer E ? (E extends IncidentEvent ? { readonly type: E["type"]; readonly data: Omit<E["data"], Common> } : never) : never;

/** A source time as a row dated `at` knows it: the time itself when it is not later than `at`, else null (not known yet). */
function knownBy(time: string | null, at: string): string | null {
  return time !== null && time <= at ? time : null;
}

/**
 * The source facts a row carries, as known at its own update: where it is, the source's
 * verdicts, and those of its times (opened, resolved, closed) that are not later than the
 * row. ServiceNow repeats an incident's final times on every row, so a time later than
 * the row is known only from the future: it is left out here and recorded when it falls
 * due (`laterTimesOf`), so no view before it can see it.
 */
export function sourceFactsOf(row: Snapshot): SourceFacts {
  const at = row.updatedAt;
  return {
    system: "servicenow",
    line: row.line,
    revision: row.modCount,
    priority: row.priority,
    madeSla: row.madeSla,
    openedAt: knownBy(row.openedAt, at),
    resolvedAt: knownBy(row.resolvedAt, at),
    closedAt: knownBy(row.closedAt, at),
  };
}

/** The times a row carries that are later than its own update, earliest first, each once: what it knows only from the future. */
export function laterTimesOf(row: Snapshot): string[] {
  const times = [row.openedAt, row.resolvedAt, row.closedAt].filter((time): time is string => time !== null && time > row.updatedAt);
  return [...new Set(times)].sort();
}

/**
 * One incident's history as it is derived: the events so far, the state they leave
 * (through the incident package's own `evolve`, so the import and the decider can never
 * disagree on what an event does), and the lifecycle deviations among them.
 */
export class IncidentHistory {
  readonly streamId: string;
  readonly events: IncidentEvent[] = [];
  readonly deviations: LifecycleDeviation[] = [];
  readonly #state: IncidentDraft = mutableCopy(initialIncidentState) as IncidentDraft;

  constructor(readonly number: string) {
    this.streamId = streamIdOfIncident(number);
  }

  /** The state the events so far leave the incident in. */
  get state(): IncidentState {
    return this.#state as IncidentState;
  }

  /** Appends an event dated and signed by the row, checked against the lifecycle table, and applies it. */
  emit(row: Snapshot, payload: Payload): void {
    const from = this.#state.status;
    const stimulus = stimulusOfEvent(payload.type);
    const verdict = stimulus === undefined ? undefined : transition(incidentLifecycle, `incident ${this.number}`, from, stimulus);
    const deviation = verdict?._tag === "Left" ? verdict.left.message : undefined;
    const facts = sourceFactsOf(row);
    const source = deviation === undefined ? facts : { ...facts, deviation };
    const data = { ...payload.data, incidentId: asId.incident(this.number), at: row.updatedAt, by: row.updatedBy, source };
    const event = { type: payload.type, data } as IncidentEvent;
    if (deviation !== undefined) this.deviations.push({ number: this.number, line: row.line, eventType: payload.type, from, message: deviation });
    this.events.push(event);
    evolveIncident(this.#state, event);
  }
}
