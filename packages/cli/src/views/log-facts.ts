import { inLogRange, type RecordedEvent } from "@handover/core";
import { entityOfStream } from "@handover/projections";
import { describeView, viewRange, type LogView } from "./view.js";

/**
 * What a read saw of the log in its view: the projects started, the entities (aggregates),
 * the actors. Only events inside the view count, so an answer never tells what the log
 * holds after it (a project started later is as unknown as a typo).
 */
export interface LogFacts {
  readonly view: LogView;
  readonly projects: Set<string>;
  readonly entities: Set<string>;
  readonly actors: Set<string>;
  count: number;
}

/** Empty facts of a view, filled by `tapFacts` as a read goes. */
export function createLogFacts(view: LogView = {}): LogFacts {
  return { view, projects: new Set(), entities: new Set(), actors: new Set(), count: 0 };
}

/**
 * Passes a log through unchanged while noting the facts of the events in the view, so a
 * command learns whether the project, entity or actor it was asked about exists in the
 * same read that answers it.
 */
export async function* tapFacts(events: AsyncIterable<RecordedEvent>, facts: LogFacts): AsyncGenerator<RecordedEvent> {
  const range = viewRange(facts.view);
  for await (const event of events) {
    if (inLogRange(event, range)) {
      facts.count += 1;
      facts.entities.add(entityOfStream(event.streamId));
      facts.actors.add(event.meta.actor);
      if (event.type === "project.started") facts.projects.add(String((event.data as { projectId?: unknown }).projectId));
    }
    yield event;
  }
}

/** A sentence listing what a view holds: `the view holds 2 project(s): a, b` (at most eight; `the log` when the view is the latest), or that it holds none. */
export function holding(noun: string, values: Iterable<string>, view: LogView = {}): string {
  const list = [...values].sort();
  const where = narrowsLog(view) ? "the view" : "the log";
  if (list.length === 0) return `${where} holds no ${noun}`;
  return `${where} holds ${list.length} ${noun}: ${list.slice(0, 8).join(", ")}${list.length > 8 ? ", ..." : ""}`;
}

/** True when a view narrows the log (an as-of or known-at time); the latest view is the whole log. */
export function narrowsLog(view: LogView): boolean {
  return view.asOf !== undefined || view.knownAt !== undefined;
}

/**
 * Why a project asked about cannot be answered, in the words of the view: unknown to the
 * whole log (a typo), or not started in the view asked; never what the log holds after it.
 */
export function missingProject(projectId: string, facts: LogFacts): string {
  const held = holding("project(s)", facts.projects, facts.view);
  return narrowsLog(facts.view) ? `project "${projectId}" has not started in this view (${describeView(facts.view)}); ${held}` : `unknown project "${projectId}"; ${held}`;
}
