import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { AppendError, InvalidAppend, InvalidEvent } from "./append-errors.js";
import type { EventCatalogue } from "./catalogue.js";
import { describeValue } from "./describe-value.js";
import type { EventMeta, EventToAppend } from "./envelope.js";
import type { ExpectedVersion } from "./event-store.js";
import { identifierProblem } from "./input-rules.js";
import { jsonValueProblem } from "./json-value-rule.js";
import { normaliseMeta, type MetaProblem } from "./meta.js";

/** One event of a checked batch: the event as its catalogue parsed it, and its normalised meta. */
export interface CheckedEvent {
  readonly event: EventToAppend;
  readonly meta: EventMeta;
}

/** An append that passed the input rules: nothing in it can make a store throw, or keep other text than was given. */
export interface CheckedAppend {
  readonly streamId: string;
  readonly events: readonly CheckedEvent[];
  readonly expectedVersion: ExpectedVersion;
  /** The command id a repeated append is recognised by: the batch meta's, else the first event's. */
  readonly commandId: string | undefined;
}

/** The largest expected version a store can compare: versions are 32-bit integers in SQL. */
const MAX_VERSION = 2 ** 31 - 1;

/**
 * Checks an append before a store does anything with it (looks up its command id, reads a
 * version, writes): the stream id and every id in meta hold to the id rule, the expected
 * version is a version or `no_stream`/`exists`/`any`, every event has a type, valid meta
 * and plain JSON data within the limits (`jsonValueProblem`), and, with a catalogue, passes
 * its schema. The same check for every store, so every store answers a malformed append
 * with the same `Left` naming the field, and never throws.
 */
export function checkAppendRequest(streamId: unknown, events: unknown, options: unknown, catalogue: EventCatalogue | undefined): Either<AppendError, CheckedAppend> {
  try {
    return checkRequest(streamId, events, options, catalogue);
  } catch (error) {
    return left(invalidAppend("options", `the append could not be read (${error instanceof Error ? error.message : "an unreadable value"})`));
  }
}

function checkRequest(streamId: unknown, events: unknown, options: unknown, catalogue: EventCatalogue | undefined): Either<AppendError, CheckedAppend> {
  const stream = identifierProblem(streamId, "streamId");
  if (stream !== undefined) return left(invalidAppend(stream.path, stream.message));
  if (typeof options !== "object" || options === null) return left(invalidAppend("options", `options: expected { expectedVersion, meta }, got ${describeValue(options)}`));
  const { expectedVersion, meta } = options as { expectedVersion?: unknown; meta?: unknown };
  if (!isExpectedVersion(expectedVersion)) {
    return left(invalidAppend("expectedVersion", `expectedVersion: expected a version from 0 to ${MAX_VERSION}, "no_stream", "exists" or "any", got ${describeValue(expectedVersion)}`));
  }
  if (!Array.isArray(events)) return left(invalidAppend("events", `events: expected a list of events, got ${describeValue(events)}`));
  const batch = events as readonly unknown[];
  const batchMeta = checkBatchMeta(batch, meta);
  if (batchMeta._tag === "Left") return batchMeta;
  const checked = checkEvents(batch, batchMeta.right, catalogue);
  if (checked._tag === "Left") return checked;
  const commandId = batchMeta.right?.commandId ?? checked.right[0]?.meta.commandId;
  return right({ streamId: streamId as string, events: checked.right, expectedVersion, commandId });
}

function isExpectedVersion(value: unknown): value is ExpectedVersion {
  if (value === "no_stream" || value === "exists" || value === "any") return true;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_VERSION;
}

/**
 * Checks every event of a batch (type, meta, data, schema) before anything is built; the
 * first problem refuses the whole batch. The batch meta, when given, must be valid even
 * when every event brings its own: its command id decides whether the batch is a repeat.
 */
export function checkBatch(events: readonly EventToAppend[], batchMeta: EventMeta | undefined, catalogue: EventCatalogue | undefined): Either<InvalidEvent, CheckedEvent[]> {
  const meta = checkBatchMeta(events, batchMeta);
  return meta._tag === "Left" ? meta : checkEvents(events, meta.right, catalogue);
}

function checkBatchMeta(events: readonly unknown[], batchMeta: unknown): Either<InvalidEvent, EventMeta | undefined> {
  if (batchMeta === undefined) return right(undefined);
  const normalised = normaliseMeta(batchMeta);
  if (normalised._tag === "Right") return normalised;
  const index = Math.max(0, events.findIndex((event) => typeof event !== "object" || event === null || (event as { meta?: unknown }).meta === undefined));
  const problem = normalised.left;
  return left({ code: "invalid_meta", index, eventType: typeOf(events[index]), path: problem.path, message: `the batch's ${problem.message}` });
}

function checkEvents(events: readonly unknown[], batchMeta: EventMeta | undefined, catalogue: EventCatalogue | undefined): Either<InvalidEvent, CheckedEvent[]> {
  const checked: CheckedEvent[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = checkEvent(events[index], index, batchMeta, catalogue);
    if (event._tag === "Left") return event;
    checked.push(event.right);
  }
  return right(checked);
}

function checkEvent(original: unknown, index: number, batchMeta: EventMeta | undefined, catalogue: EventCatalogue | undefined): Either<InvalidEvent, CheckedEvent> {
  if (typeof original !== "object" || original === null) return invalid(original, index, "invalid_event", "event", `event ${index}: expected an event { type, data }, got ${describeValue(original)}`);
  const event = original as EventToAppend;
  const type = identifierProblem(event.type, "type");
  if (type !== undefined) return invalid(original, index, "invalid_event", type.path, `event ${index}: ${type.message}`);
  const eventMeta = metaOf(event, batchMeta);
  if (eventMeta._tag === "Left") return invalid(original, index, "invalid_meta", eventMeta.left.path, `${named(original, index)}: ${eventMeta.left.message}`);
  if (event.data === undefined) return invalid(original, index, "invalid_event", "data", `${named(original, index)}: data: missing; an event without data has data {}`);
  const data = jsonValueProblem(event.data, "data");
  if (data !== undefined) return invalid(original, index, "invalid_event", data.path, `${named(original, index)}: ${data.message}`);
  if (catalogue === undefined) return right({ event, meta: eventMeta.right });
  const validated = catalogue.validate(event);
  if (validated._tag === "Right") return right({ event: validated.right, meta: eventMeta.right });
  const problem = validated.left;
  return invalid(original, index, problem.code === "invalid_event_data" ? "invalid_event" : problem.code, problem.path, `event ${index}: ${problem.message}`);
}

/** The refusal of event `index` of a batch; built only when an event is refused (a passing event builds no message and no closure). */
function invalid(original: unknown, index: number, code: InvalidEvent["code"], path: string, message: string): Either<InvalidEvent, never> {
  return left({ code, index, eventType: typeOf(original), path, message });
}

/** How a message names an event: `event 2 (incident.resolved)`. */
function named(original: unknown, index: number): string {
  return `event ${index} (${typeOf(original)})`;
}

/** The event's own meta, normalised, else the batch's. */
function metaOf(event: EventToAppend, batchMeta: EventMeta | undefined): Either<MetaProblem, EventMeta> {
  if (event.meta !== undefined) return normaliseMeta(event.meta);
  return batchMeta === undefined ? left({ path: "meta", message: "meta: the event has no meta and the batch gives none" }) : right(batchMeta);
}

function typeOf(event: unknown): string {
  const type: unknown = typeof event === "object" && event !== null ? (event as { type?: unknown }).type : undefined;
  return typeof type === "string" ? type : describeValue(type);
}

function invalidAppend(path: string, message: string): InvalidAppend {
  return { code: "invalid_append", path, message };
}
