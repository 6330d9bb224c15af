import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { z } from "zod";
import type { DomainEvent } from "./envelope.js";
import { describeZodError, safeParseReportingInput } from "./zod-messages.js";

/** Lifts event data from one schema version to the next (`upcast[1]` maps v1 data to v2). */
export type Upcaster = (data: unknown) => unknown;

/** One event type: its zod schema, its current schema version, and how older versions lift. */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly schema: TSchema;
  readonly schemaVersion: number;
  readonly upcasters: Readonly<Record<number, Upcaster>>;
  readonly description: string;
}

/** The domain event a definition describes. */
export type EventOf<D> = D extends EventDefinition<infer TType, infer TSchema>
  ? { readonly type: TType; readonly data: z.output<TSchema> }
  : never;

/** Why an event did not pass its catalogue. */
export interface EventValidationError {
  readonly code: "unknown_event_type" | "invalid_event_data" | "unknown_schema_version";
  readonly eventType: string;
  readonly path: string;
  readonly message: string;
}

/** Options of `defineEvent`. */
export interface DefineEventOptions {
  readonly schemaVersion?: number;
  readonly upcast?: Readonly<Record<number, Upcaster>>;
  readonly description?: string;
}

/** Declares an event type: namespaced past-tense name, zod schema, schema version and upcasters. */
export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  type: TType,
  schema: TSchema,
  options: DefineEventOptions = {},
): EventDefinition<TType, TSchema> {
  const schemaVersion = options.schemaVersion ?? 1;
  const upcasters = options.upcast ?? {};
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(type)) {
    throw new TypeError(`defineEvent: "${type}" is not a namespaced event type like "incident.logged"`);
  }
  for (let version = 1; version < schemaVersion; version++) {
    if (typeof upcasters[version] !== "function") {
      throw new TypeError(`defineEvent: ${type} is at schema version ${schemaVersion} but has no upcaster from version ${version}`);
    }
  }
  return Object.freeze({ type, schema, schemaVersion, upcasters, description: options.description ?? "" });
}

/** The event types a log may hold: validates on append, upcasts and validates on read. */
export interface EventCatalogue {
  readonly definitions: ReadonlyMap<string, EventDefinition>;
  /** Checks an event about to be appended, at the current schema version; returns the parsed event. */
  validate<E extends DomainEvent>(event: E): Either<EventValidationError, E>;
  /** Lifts stored data from its schema version to the current one and parses it. */
  decode(type: string, data: unknown, schemaVersion: number): Either<EventValidationError, unknown>;
  /** The current schema version of a type, or undefined when the type is unknown. */
  schemaVersionOf(type: string): number | undefined;
}

/** Builds a catalogue from definitions and other catalogues; a type defined twice is a programmer error. */
export function createEventCatalogue(
  ...parts: ReadonlyArray<EventDefinition | EventCatalogue | readonly EventDefinition[]>
): EventCatalogue {
  const definitions = new Map<string, EventDefinition>();
  const add = (definition: EventDefinition): void => {
    if (definitions.has(definition.type)) throw new TypeError(`createEventCatalogue: ${definition.type} is defined twice`);
    definitions.set(definition.type, definition);
  };
  for (const part of parts) {
    if (isCatalogue(part)) part.definitions.forEach(add);
    else if (Array.isArray(part)) part.forEach(add);
    else add(part as EventDefinition);
  }
  return {
    definitions,
    schemaVersionOf: (type) => definitions.get(type)?.schemaVersion,
    validate: (event) => validateEvent(definitions, event),
    decode: (type, data, schemaVersion) => decodeEvent(definitions, type, data, schemaVersion),
  };
}

function isCatalogue(part: unknown): part is EventCatalogue {
  return typeof part === "object" && part !== null && "definitions" in part && "decode" in part;
}

function validateEvent<E extends DomainEvent>(
  definitions: ReadonlyMap<string, EventDefinition>,
  event: E,
): Either<EventValidationError, E> {
  const definition = definitions.get(event.type);
  if (definition === undefined) return left(unknownType(event.type, definitions));
  const parsed = parseData(definition, event.data);
  if (parsed._tag === "Left") return parsed;
  return right(parsed.right === event.data ? event : ({ ...event, data: parsed.right } as E));
}

function decodeEvent(
  definitions: ReadonlyMap<string, EventDefinition>,
  type: string,
  data: unknown,
  schemaVersion: number,
): Either<EventValidationError, unknown> {
  const definition = definitions.get(type);
  if (definition === undefined) return left(unknownType(type, definitions));
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > definition.schemaVersion) {
    return left({
      code: "unknown_schema_version",
      eventType: type,
      path: "schemaVersion",
      message: `${type}: schemaVersion ${schemaVersion} is not known; this catalogue knows versions 1 to ${definition.schemaVersion}`,
    });
  }
  let lifted = data;
  for (let version = schemaVersion; version < definition.schemaVersion; version++) {
    const upcaster = definition.upcasters[version];
    if (upcaster !== undefined) lifted = upcaster(lifted);
  }
  return parseData(definition, lifted);
}

function parseData(definition: EventDefinition, data: unknown): Either<EventValidationError, unknown> {
  const parsed = safeParseReportingInput(definition.schema, data);
  if (parsed.success) return right(parsed.data);
  const { path, message } = describeZodError(parsed.error, "data");
  return left({ code: "invalid_event_data", eventType: definition.type, path, message: `${definition.type}: ${message}` });
}

function unknownType(type: string, definitions: ReadonlyMap<string, EventDefinition>): EventValidationError {
  const namespace = type.split(".")[0] ?? "";
  const near = [...definitions.keys()].filter((known) => known.startsWith(`${namespace}.`)).slice(0, 8);
  const hint = near.length > 0 ? `; known ${namespace} events: ${near.join(", ")}` : "";
  return { code: "unknown_event_type", eventType: type, path: "type", message: `unknown event type "${type}"${hint}` };
}
