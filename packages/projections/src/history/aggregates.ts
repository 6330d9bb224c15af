import type { RecordedEvent } from "@handover/core";
import { evolveChange, initialChangeState, type ChangeEvent, type ChangeState } from "@handover/change";
import { evolveIncident, initialIncidentState, type IncidentEvent, type IncidentState } from "@handover/incident";
import { evolveProblem, initialProblemState, type ProblemEvent, type ProblemState } from "@handover/problem";
import { evolveProject, initialProjectState, type ProjectEvent, type ProjectState } from "@handover/project";
import { evolveRelease, initialReleaseState, type ReleaseEvent, type ReleaseState } from "@handover/release";
import type { Draft } from "immer";
import { processOf, type ProcessName } from "../event-kinds.js";
import { freshStateOf } from "../fresh-state.js";

/** One aggregate during a replay: its state (mutable, private to the replay) and where its first and latest events are. */
export interface Tracked<State> {
  readonly state: State;
  readonly firstPosition: number;
  lastPosition: number;
  /** `meta.occurredAt` of the latest event. */
  lastAt: string;
}

/** The aggregates of every process but configuration (the CMDB holds the CIs), by their own ids. */
export interface Aggregates {
  readonly changes: Map<string, Tracked<ChangeState>>;
  readonly incidents: Map<string, Tracked<IncidentState>>;
  readonly problems: Map<string, Tracked<ProblemState>>;
  readonly releases: Map<string, Tracked<ReleaseState>>;
  readonly projects: Map<string, Tracked<ProjectState>>;
}

/** Empty aggregates. */
export function createAggregates(): Aggregates {
  return { changes: new Map(), incidents: new Map(), problems: new Map(), releases: new Map(), projects: new Map() };
}

const freshChange = freshStateOf(initialChangeState);
const freshIncident = freshStateOf(initialIncidentState);
const freshProblem = freshStateOf(initialProblemState);
const freshRelease = freshStateOf(initialReleaseState);
const freshProject = freshStateOf(initialProjectState);

/** The tracked aggregate of an event, created on its first event; the caller evolves its state. */
function trackedOf<State>(map: Map<string, Tracked<State>>, id: string, fresh: () => State, event: RecordedEvent): Tracked<State> {
  let tracked = map.get(id);
  if (tracked === undefined) {
    tracked = { state: fresh(), firstPosition: event.position, lastPosition: event.position, lastAt: event.meta.occurredAt };
    map.set(id, tracked);
  } else {
    tracked.lastPosition = event.position;
    tracked.lastAt = event.meta.occurredAt;
  }
  return tracked;
}

// One function per process, so each evolve call site sees one recipe (a monomorphic call in a long replay).
function trackChange(aggregates: Aggregates, event: RecordedEvent<ChangeEvent>): void {
  evolveChange(trackedOf(aggregates.changes, event.data.changeId, freshChange, event).state as Draft<ChangeState>, event);
}

function trackIncident(aggregates: Aggregates, event: RecordedEvent<IncidentEvent>): void {
  evolveIncident(trackedOf(aggregates.incidents, event.data.incidentId, freshIncident, event).state as Draft<IncidentState>, event);
}

function trackProblem(aggregates: Aggregates, event: RecordedEvent<ProblemEvent>): void {
  evolveProblem(trackedOf(aggregates.problems, event.data.problemId, freshProblem, event).state as Draft<ProblemState>, event);
}

function trackRelease(aggregates: Aggregates, event: RecordedEvent<ReleaseEvent>): void {
  evolveRelease(trackedOf(aggregates.releases, event.data.releaseId, freshRelease, event).state as Draft<ReleaseState>, event);
}

function trackProject(aggregates: Aggregates, event: RecordedEvent<ProjectEvent>): void {
  evolveProject(trackedOf(aggregates.projects, event.data.projectId, freshProject, event).state as Draft<ProjectState>, event);
}

/**
 * Applies one event to its aggregate with the process's own `evolve` recipe, on a plain
 * mutable state that only the replay sees (never handed out). Configuration events and
 * types no process defines are left to others; `process` is the event's (`processOf`).
 */
export function applyToAggregates(aggregates: Aggregates, event: RecordedEvent, process: ProcessName | undefined = processOf(event.type)): void {
  switch (process) {
    case "change":
      trackChange(aggregates, event as RecordedEvent<ChangeEvent>);
      break;
    case "incident":
      trackIncident(aggregates, event as RecordedEvent<IncidentEvent>);
      break;
    case "problem":
      trackProblem(aggregates, event as RecordedEvent<ProblemEvent>);
      break;
    case "release":
      trackRelease(aggregates, event as RecordedEvent<ReleaseEvent>);
      break;
    case "project":
      trackProject(aggregates, event as RecordedEvent<ProjectEvent>);
      break;
    default:
      break;
  }
}
