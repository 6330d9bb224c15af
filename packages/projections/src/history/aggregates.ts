import type { RecordedEvent } from "@handover/core";
import { evolveChange, initialChangeState, type ChangeEvent, type ChangeState } from "@handover/change";
import { evolveIncident, initialIncidentState, type IncidentEvent, type IncidentState } from "@handover/incident";
import { evolveProblem, initialProblemState, type ProblemEvent, type ProblemState } from "@handover/problem";
import { evolveProject, initialProjectState, type ProjectEvent, type ProjectState } from "@handover/project";
import { evolveRelease, initialReleaseState, type ReleaseEvent, type ReleaseState } from "@handover/release";
import type { Draft } from "immer";
import { processOf, type ProcessName } from "../event-kinds.js";
import { freshStateOf } from "../fresh-state.js";
import { changeTrimming, incidentTrimming, problemTrimming, releaseTrimming, type Retention, type Trimming } from "./retention.js";

/** One aggregate during a replay: its state (mutable, private to the replay) and where its first and latest events are. */
export interface Tracked<State> {
  /** Its state; under `readiness` retention, a finished item's state holds only the trimmed fields (the rest read as initial). */
  state: State;
  /** True while `state` is trimmed: the next event on the item first makes it whole (fresh, with the kept fields) again. */
  trimmed: boolean;
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
  /** What is kept of finished work items. */
  readonly retention: Retention;
}

/** Empty aggregates, keeping everything of finished work items unless told to keep only what readiness reads. */
export function createAggregates(retention: Retention = "everything"): Aggregates {
  return { changes: new Map(), incidents: new Map(), problems: new Map(), releases: new Map(), projects: new Map(), retention };
}

const freshChange = freshStateOf(initialChangeState);
const freshIncident = freshStateOf(initialIncidentState);
const freshProblem = freshStateOf(initialProblemState);
const freshRelease = freshStateOf(initialReleaseState);
const freshProject = freshStateOf(initialProjectState);
/**
 * What a trimmed item reads for the fields it does not keep: initial states of this module's
 * own, never written (not frozen, since a frozen prototype would refuse the kept fields).
 */
const trimmedChange = freshChange();
const trimmedIncident = freshIncident();
const trimmedProblem = freshProblem();
const trimmedRelease = freshRelease();

/** The tracked aggregate of an event, created on its first event (and made whole again if it was trimmed); the caller evolves its state. */
function trackedOf<State extends object>(map: Map<string, Tracked<State>>, id: string, fresh: () => State, event: RecordedEvent): Tracked<State> {
  let tracked = map.get(id);
  if (tracked === undefined) {
    tracked = { state: fresh(), trimmed: false, firstPosition: event.position, lastPosition: event.position, lastAt: event.meta.occurredAt };
    map.set(id, tracked);
    return tracked;
  }
  tracked.lastPosition = event.position;
  tracked.lastAt = event.meta.occurredAt;
  if (tracked.trimmed) {
    tracked.state = Object.assign(fresh(), tracked.state);
    tracked.trimmed = false;
  }
  return tracked;
}

/**
 * Under `readiness` retention, trims a finished item to the fields its trimming keeps: an
 * object holding just those, reading every other field from an initial state (`initial`,
 * never changed: the next event makes the item whole again before evolving it).
 */
function trimIfFinished<State extends object>(aggregates: Aggregates, tracked: Tracked<State>, trimming: Trimming<State>, initial: State): void {
  if (aggregates.retention === "everything" || !trimming.finished(tracked.state)) return;
  tracked.state = Object.assign(Object.create(initial) as State, trimming.kept(tracked.state));
  tracked.trimmed = true;
}

// One function per process, so each evolve call site sees one recipe (a monomorphic call in a long replay).
function trackChange(aggregates: Aggregates, event: RecordedEvent<ChangeEvent>): void {
  const tracked = trackedOf(aggregates.changes, event.data.changeId, freshChange, event);
  evolveChange(tracked.state as Draft<ChangeState>, event);
  trimIfFinished(aggregates, tracked, changeTrimming, trimmedChange);
}

function trackIncident(aggregates: Aggregates, event: RecordedEvent<IncidentEvent>): void {
  const tracked = trackedOf(aggregates.incidents, event.data.incidentId, freshIncident, event);
  evolveIncident(tracked.state as Draft<IncidentState>, event);
  trimIfFinished(aggregates, tracked, incidentTrimming, trimmedIncident);
}

function trackProblem(aggregates: Aggregates, event: RecordedEvent<ProblemEvent>): void {
  const tracked = trackedOf(aggregates.problems, event.data.problemId, freshProblem, event);
  evolveProblem(tracked.state as Draft<ProblemState>, event);
  trimIfFinished(aggregates, tracked, problemTrimming, trimmedProblem);
}

function trackRelease(aggregates: Aggregates, event: RecordedEvent<ReleaseEvent>): void {
  const tracked = trackedOf(aggregates.releases, event.data.releaseId, freshRelease, event);
  evolveRelease(tracked.state as Draft<ReleaseState>, event);
  trimIfFinished(aggregates, tracked, releaseTrimming, trimmedRelease);
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
