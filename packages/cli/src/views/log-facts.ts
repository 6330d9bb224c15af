import type { RecordedEvent } from "@handover/core";
import { entityOfStream } from "@handover/projections";

/** What a read saw of the whole log, whatever the view: the projects started, the entities (aggregates), the actors. */
export interface LogFacts {
  readonly projects: Set<string>;
  readonly entities: Set<string>;
  readonly actors: Set<string>;
  count: number;
}

/** Empty facts, filled by `tapFacts` as a read goes. */
export function createLogFacts(): LogFacts {
  return { projects: new Set(), entities: new Set(), actors: new Set(), count: 0 };
}

/**
 * Passes a log through unchanged while noting its facts, so a command learns whether the
 * project, entity or actor it was asked about exists in the same read that answers it.
 */
export async function* tapFacts(events: AsyncIterable<RecordedEvent>, facts: LogFacts): AsyncGenerator<RecordedEvent> {
  for await (const event of events) {
    facts.count += 1;
    facts.entities.add(entityOfStream(event.streamId));
    facts.actors.add(event.meta.actor);
    if (event.type === "project.started") facts.projects.add(String((event.data as { projectId?: unknown }).projectId));
    yield event;
  }
}

/** A sentence listing what a log holds: `the log holds: a, b` (at most eight), or that it holds none. */
export function holding(noun: string, values: Iterable<string>): string {
  const list = [...values].sort();
  if (list.length === 0) return `the log holds no ${noun}`;
  return `the log holds ${list.length} ${noun}: ${list.slice(0, 8).join(", ")}${list.length > 8 ? ", ..." : ""}`;
}
