import type { AttributeValue } from "./attributes.js";
import type { ProcessLog } from "./process-log.js";

/** An OCEL 2.0 attribute type. */
export type OcelAttributeType = "string" | "time" | "integer" | "float" | "boolean";

/** An OCEL 2.0 log in its JSON form: object and event types with their attributes, objects and events. */
export interface Ocel2Log {
  readonly objectTypes: readonly { readonly name: string; readonly attributes: readonly { readonly name: string; readonly type: OcelAttributeType }[] }[];
  readonly eventTypes: readonly { readonly name: string; readonly attributes: readonly { readonly name: string; readonly type: OcelAttributeType }[] }[];
  readonly objects: readonly {
    readonly id: string;
    readonly type: string;
    readonly attributes: readonly { readonly name: string; readonly time: string; readonly value: AttributeValue }[];
    readonly relationships: readonly { readonly objectId: string; readonly qualifier: string }[];
  }[];
  readonly events: readonly {
    readonly id: string;
    readonly type: string;
    readonly time: string;
    readonly attributes: readonly { readonly name: string; readonly value: AttributeValue }[];
    readonly relationships: readonly { readonly objectId: string; readonly qualifier: string }[];
  }[];
}

/** The attributes every exported event carries from the log: where and when it was recorded, by whom, and its place in the hash chain. */
export const EVENT_LOG_ATTRIBUTES: readonly { readonly name: string; readonly type: OcelAttributeType }[] = [
  { name: "handover:position", type: "integer" },
  { name: "handover:hash", type: "string" },
  { name: "handover:prevHash", type: "string" },
  { name: "handover:eventId", type: "string" },
  { name: "handover:stream", type: "string" },
  { name: "handover:version", type: "integer" },
  { name: "handover:actor", type: "string" },
  { name: "handover:recordedAt", type: "time" },
];

const kindOf = (value: AttributeValue): OcelAttributeType => (typeof value === "boolean" ? "boolean" : typeof value === "number" ? (Number.isInteger(value) ? "integer" : "float") : "string");

/** One type for an attribute that took values of several kinds: integers widen to float, anything mixed with text is text. */
function merged(kinds: ReadonlySet<OcelAttributeType>): OcelAttributeType {
  if (kinds.size === 1) return [...kinds][0] ?? "string";
  return [...kinds].every((kind) => kind === "integer" || kind === "float") ? "float" : "string";
}

/** Collects the kinds of value each attribute of each type took. */
class TypeCollector {
  private readonly seen = new Map<string, Map<string, Set<OcelAttributeType>>>();
  add(type: string, name: string, value: AttributeValue): void {
    const names = this.seen.get(type) ?? new Map<string, Set<OcelAttributeType>>();
    this.seen.set(type, names);
    names.set(name, (names.get(name) ?? new Set()).add(kindOf(value)));
  }
  typeOf(type: string, name: string): OcelAttributeType {
    return merged(this.seen.get(type)?.get(name) ?? new Set(["string"]));
  }
  attributes(type: string): { name: string; type: OcelAttributeType }[] {
    return [...(this.seen.get(type)?.keys() ?? [])].map((name) => ({ name, type: this.typeOf(type, name) }));
  }
}

/** A value as its declared type takes it: text for a string attribute that also took numbers. */
const asType = (value: AttributeValue, type: OcelAttributeType): AttributeValue => (type === "string" && typeof value !== "string" ? String(value) : value);

/**
 * The OCEL 2.0 JSON form of a process log: object types (project, ci, change, incident,
 * problem, release) and event types (one per Handover event type) with their attributes'
 * types; each object with its attributes over time and its qualified relations to other
 * objects; each event at its business time with the log's own attributes (position, hash,
 * previous hash, event id, stream, version, actor, recording time), its scalar data, and
 * its qualified relations to objects.
 */
export function toOcel2(log: ProcessLog): Ocel2Log {
  const objectTypes = new TypeCollector();
  const eventTypes = new TypeCollector();
  const kinds = [...new Set(log.objects.map((object) => object.kind))];
  for (const object of log.objects) for (const attribute of object.attributes) objectTypes.add(object.kind, attribute.name, attribute.value);
  const types = [...new Set(log.events.map((event) => event.type))];
  for (const event of log.events) for (const [name, value] of Object.entries(event.data)) eventTypes.add(event.type, name, value);
  return {
    objectTypes: kinds.map((name) => ({ name, attributes: objectTypes.attributes(name) })),
    eventTypes: types.map((name) => ({ name, attributes: [...EVENT_LOG_ATTRIBUTES, ...eventTypes.attributes(name)] })),
    objects: log.objects.map((object) => ({
      id: object.id,
      type: object.kind,
      attributes: object.attributes.map((attribute) => ({ ...attribute, value: asType(attribute.value, objectTypes.typeOf(object.kind, attribute.name)) })),
      relationships: object.relationships,
    })),
    events: log.events.map((event) => ({
      id: event.id,
      type: event.type,
      time: event.time,
      attributes: [
        { name: "handover:position", value: event.position },
        { name: "handover:hash", value: event.hash },
        { name: "handover:prevHash", value: event.prevHash },
        { name: "handover:eventId", value: event.id },
        { name: "handover:stream", value: event.streamId },
        { name: "handover:version", value: event.version },
        { name: "handover:actor", value: event.actor },
        { name: "handover:recordedAt", value: event.recordedAt },
        ...Object.entries(event.data).map(([name, value]) => ({ name, value: asType(value, eventTypes.typeOf(event.type, name)) })),
      ],
      relationships: event.links,
    })),
  };
}
