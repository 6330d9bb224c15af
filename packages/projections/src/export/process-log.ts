import type { RecordedEvent } from "@handover/core";
import { defaultPolicy } from "@handover/itil";
import { createHistory } from "../history/history.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import { attributesAfter, type AttributeValue } from "./attributes.js";
import { linksOf, type Link } from "./links.js";
import { OBJECT_KINDS, objectOfStream, type ObjectKind } from "./objects.js";

/** An attribute of an object from a moment on. */
export interface TimedAttribute {
  readonly name: string;
  readonly time: string;
  readonly value: AttributeValue;
}

/** An object of the export: its id (`<kind>:<id>`), kind, attributes over time and relations to other objects. */
export interface ExportedObject {
  readonly id: string;
  readonly kind: ObjectKind;
  readonly attributes: TimedAttribute[];
  readonly relationships: Link[];
}

/** An event of the export: the log's event with both times, actor, position and hash, its scalar data, and the objects it relates to. */
export interface ExportedEvent {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly position: number;
  readonly hash: string;
  readonly prevHash: string;
  readonly streamId: string;
  readonly version: number;
  readonly data: Readonly<Record<string, AttributeValue>>;
  readonly links: readonly Link[];
}

/** A log as objects and events, what OCEL 2.0 and XES are written from. */
export interface ProcessLog {
  /** The last log position read. */
  readonly position: number;
  readonly objects: readonly ExportedObject[];
  readonly events: readonly ExportedEvent[];
}

const SKIPPED_DATA = new Set(["at", "by", "source", "changeControl"]);

/** The scalar fields of an event's data (ids and nested records are its links instead; `at` and `by` are its time and actor). */
function scalarData(data: unknown): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    if (SKIPPED_DATA.has(key) || key.endsWith("Id") || key === "duplicateOf") continue;
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) out[key] = value;
  }
  return out;
}

/**
 * Reads a log as process-mining objects and events: every event with both times, actor,
 * position, hash and scalar data, related to its own aggregate and the objects its data
 * names (with qualifiers); every object (project, CIs, changes, incidents, problems,
 * releases) with its attributes over time as its process's state shows them after each
 * event, and the objects it came to relate to. An object only named by others is kept,
 * without attributes, so every relation points at an object.
 */
export function processLog<L extends Log>(log: L, options: ReadOptions = {}): Answer<L, ProcessLog> {
  const history = createHistory(defaultPolicy);
  const objects = new Map<string, ExportedObject & { readonly last: Map<string, AttributeValue> }>();
  const events: ExportedEvent[] = [];
  let position = 0;
  const objectOf = (id: string): ExportedObject & { readonly last: Map<string, AttributeValue> } => {
    let found = objects.get(id);
    if (found === undefined) {
      const kind = id.slice(0, id.indexOf(":")) as ObjectKind;
      objects.set(id, (found = { id, kind, attributes: [], relationships: [], last: new Map() }));
    }
    return found;
  };
  const visit = (event: RecordedEvent): void => {
    history.apply(event);
    position = event.position;
    const links = linksOf(event);
    for (const link of links) objectOf(link.objectId);
    const own = objectOfStream(event.streamId);
    if (own !== undefined) {
      const object = objectOf(`${own.kind}:${own.id}`);
      for (const [name, value] of Object.entries(attributesAfter(event, own.kind, own.id, history))) {
        if (object.last.get(name) === value) continue;
        object.last.set(name, value);
        object.attributes.push({ name, time: event.meta.occurredAt, value });
      }
      for (const link of links.slice(1)) {
        if (link.objectId !== object.id && !object.relationships.some((each) => each.objectId === link.objectId && each.qualifier === link.qualifier)) object.relationships.push(link);
      }
    }
    events.push({
      id: event.eventId,
      type: event.type,
      time: event.meta.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.meta.actor,
      position: event.position,
      hash: event.hash,
      prevHash: event.prevHash,
      streamId: event.streamId,
      version: event.version,
      data: scalarData(event.data),
      links,
    });
  };
  const finish = (): ProcessLog => {
    const order = (object: ExportedObject) => OBJECT_KINDS.indexOf(object.kind);
    const list = [...objects.values()].map(({ last: _last, ...object }) => object).sort((a, b) => order(a) - order(b));
    return { position, objects: list, events };
  };
  return scanLog(log, logRangeOf(options), visit, finish);
}
