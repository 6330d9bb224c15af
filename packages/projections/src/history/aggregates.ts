import { mutableCopy, type RecordedEvent } from "@handover/core";
import { evolveChange, initialChangeState, type ChangeState } from "@handover/change";
import { evolveIncident, initialIncidentState, type IncidentState } from "@handover/incident";
import { evolveProblem, initialProblemState, type ProblemState } from "@handover/problem";
import { evolveProject, initialProjectState, type ProjectState } from "@handover/project";
import { evolveRelease, initialReleaseState, type ReleaseState } from "@handover/release";
import type { Draft } from "immer";
import { processOf } from "../event-kinds.js";

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

type Evolve<State> = (draft: Draft<State>, event: never) => void;

function track<State>(map: Map<string, Tracked<State>>, id: string, initial: State, evolve: Evolve<State>, event: RecordedEvent): Tracked<State> {
  let tracked = map.get(id);
  if (tracked === undefined) {
    tracked = { state: mutableCopy(initial), firstPosition: event.position, lastPosition: event.position, lastAt: event.meta.occurredAt };
    map.set(id, tracked);
  }
  evolve(tracked.state as Draft<State>, event as never);
  tracked.lastPosition = event.position;
  tracked.lastAt = event.meta.occurredAt;
  return tracked;
}

/** The id an event's data names its aggregate by. */
function idOf(event: RecordedEvent, field: string): string {
  return String((event.data as Record<string, unknown>)[field]);
}

/**
 * Applies one event to its aggregate with the process's own `evolve` recipe, on a plain
 * mutable state that only the replay sees (never handed out). Configuration events and
 * types no process defines are left to others; returns the process the event belongs to.
 */
export function applyToAggregates(aggregates: Aggregates, event: RecordedEvent): ReturnType<typeof processOf> {
  const process = processOf(event.type);
  switch (process) {
    case "change":
      track(aggregates.changes, idOf(event, "changeId"), initialChangeState, evolveChange, event);
      break;
    case "incident":
      track(aggregates.incidents, idOf(event, "incidentId"), initialIncidentState, evolveIncident, event);
      break;
    case "problem":
      track(aggregates.problems, idOf(event, "problemId"), initialProblemState, evolveProblem, event);
      break;
    case "release":
      track(aggregates.releases, idOf(event, "releaseId"), initialReleaseState, evolveRelease, event);
      break;
    case "project":
      track(aggregates.projects, idOf(event, "projectId"), initialProjectState, evolveProject, event);
      break;
    default:
      break;
  }
  return process;
}
