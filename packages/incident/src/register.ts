import { isAsyncIterable, mutableCopy } from "@handover/core";
import { defaultSlaPolicy, type SlaPolicy } from "@handover/itil";
import type { Draft } from "immer";
import { isIncidentEventType, type IncidentEvent } from "./events.js";
import { evolveIncident } from "./evolve.js";
import type { IncidentStatus } from "./lifecycle.js";
import { slaStatus } from "./sla.js";
import { initialIncidentState, type IncidentState } from "./state.js";
import { laterOf } from "./status-moves.js";

/** One incident in the register: where it stands, its counts, SLA verdict, times and links. */
export interface IncidentRegisterEntry {
  readonly number: string;
  readonly state: IncidentStatus;
  readonly impact: number;
  readonly urgency: number;
  /** The source's own priority for an imported incident (its policy is not ours); ours otherwise. */
  readonly priority: number;
  readonly reopenCount: number;
  readonly reassignmentCount: number;
  /** The source's verdict for an imported incident; ours (no SLA clock breached) otherwise. */
  readonly madeSla: boolean;
  readonly openedAt: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly problemIds: readonly string[];
  readonly changeIds: readonly string[];
  readonly ciIds: readonly string[];
}

/** Options of the register: the SLA policy our verdicts use, and the moment open clocks are read at. */
export interface IncidentRegisterOptions {
  readonly sla?: SlaPolicy;
  /** Default: the latest business time in the events read. */
  readonly asOf?: string;
}

/** Anything with an event's type and data: domain events, recorded events, or events of other processes (skipped). */
export interface EventLike {
  readonly type: string;
  readonly data: unknown;
}

/** Builds the register one event at a time, so a log streams through it. */
export interface IncidentRegisterBuilder {
  add(event: EventLike): void;
  entries(): IncidentRegisterEntry[];
}

/**
 * The times an entry shows, agreeing with its state: resolved only while resolved or
 * closed, closed only once closed. An imported incident shows its source's times (an
 * imported event carries only those known by its own time, so a time not known yet is
 * null); others, the times of the events that moved the state.
 */
function timesOf(state: IncidentState): Pick<IncidentRegisterEntry, "openedAt" | "resolvedAt" | "closedAt"> {
  const times = state.source ?? { openedAt: state.loggedAt, resolvedAt: state.resolvedAt, closedAt: state.closedAt };
  const resolved = state.status === "resolved" || state.status === "closed";
  return {
    openedAt: times.openedAt,
    resolvedAt: resolved ? times.resolvedAt : null,
    closedAt: state.status === "closed" ? times.closedAt : null,
  };
}

/** An incident's priority and SLA verdict as the register gives them: an import's source values, ours (no SLA clock breached as of `asOf`) otherwise. */
export function slaVerdict(state: IncidentState, sla: SlaPolicy, asOf: string): { readonly priority: number; readonly madeSla: boolean } {
  const source = state.source;
  return { priority: source?.priority ?? state.priority, madeSla: source?.madeSla ?? !slaStatus(state, sla, asOf).breached };
}

/** The register entry of one incident state. */
export function registerEntry(state: IncidentState, sla: SlaPolicy, asOf: string): IncidentRegisterEntry {
  const { priority, madeSla } = slaVerdict(state, sla, asOf);
  return {
    number: state.incidentId,
    state: state.status,
    impact: state.impact,
    urgency: state.urgency,
    priority,
    reopenCount: state.reopenCount,
    reassignmentCount: state.reassignmentCount,
    madeSla,
    ...timesOf(state),
    problemIds: [...state.problemIds],
    changeIds: [...new Set(state.changeLinks.map((link) => link.changeId))],
    ciIds: [...state.ciIds],
  };
}

/** Starts an incident register; events of other processes are skipped. */
export function createIncidentRegisterBuilder(options: IncidentRegisterOptions = {}): IncidentRegisterBuilder {
  const incidents = new Map<string, Draft<IncidentState>>();
  let latest: string | null = null;
  return {
    add(event) {
      if (!isIncidentEventType(event.type)) return;
      const incident = event as IncidentEvent;
      let draft = incidents.get(incident.data.incidentId);
      if (draft === undefined) incidents.set(incident.data.incidentId, (draft = mutableCopy(initialIncidentState) as Draft<IncidentState>));
      evolveIncident(draft, incident);
      latest = laterOf(latest, incident.data.at);
    },
    entries() {
      const asOf = options.asOf ?? latest ?? new Date(0).toISOString();
      const sla = options.sla ?? defaultSlaPolicy;
      return [...incidents.values()].map((draft) => Object.freeze(registerEntry(draft as IncidentState, sla, asOf)));
    },
  };
}

/**
 * The incident register: one entry per incident, in order of first appearance, as a
 * pure function of events (incident events decoded with the incident catalogue; others
 * are skipped). Takes an array, an iterable, or an async iterable (then returns a promise).
 */
export function incidentRegister(events: Iterable<EventLike>, options?: IncidentRegisterOptions): IncidentRegisterEntry[];
export function incidentRegister(events: AsyncIterable<EventLike>, options?: IncidentRegisterOptions): Promise<IncidentRegisterEntry[]>;
export function incidentRegister(
  events: Iterable<EventLike> | AsyncIterable<EventLike>,
  options: IncidentRegisterOptions = {},
): IncidentRegisterEntry[] | Promise<IncidentRegisterEntry[]> {
  const builder = createIncidentRegisterBuilder(options);
  if (isAsyncIterable(events)) {
    return (async () => {
      for await (const event of events) builder.add(event);
      return builder.entries();
    })();
  }
  for (const event of events) builder.add(event);
  return builder.entries();
}
