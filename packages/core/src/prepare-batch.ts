import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { InvalidAppend, InvalidEvent } from "./append-errors.js";
import { checkAppendRequest, type CheckedAppend } from "./append-request.js";
import type { EventCatalogue } from "./catalogue.js";
import { envelopeParts, type EnvelopeParts } from "./canonical-line.js";
import type { Clock } from "./clock.js";
import type { ChainHead, EventMeta, EventToAppend, RecordedEvent } from "./envelope.js";
import { deepFreeze } from "./fold.js";
import { sha256Hex } from "./hash-chain.js";
import type { IdGenerator } from "./ids.js";
import { describeValue } from "./describe-value.js";
import { INPUT_LIMITS, lineBytesOverLimit } from "./input-rules.js";
import { toUtcIso } from "./time.js";

/** What every store needs to turn appended events into recorded ones. */
export interface AppendContext {
  readonly catalogue?: EventCatalogue | undefined;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Where a batch goes: its stream, that stream's current version, and the log's head. */
export interface BatchPlacement {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly head: ChainHead;
}

/**
 * Validates a batch (stream id, schemas, meta, the input rules) and builds its recorded,
 * hash-chained, frozen envelopes. Pure given the context: one shared path for every store.
 */
export function prepareBatch(
  events: readonly EventToAppend[],
  batchMeta: EventMeta | undefined,
  placement: BatchPlacement,
  context: AppendContext,
): Either<InvalidEvent | InvalidAppend, RecordedEvent[]> {
  const checked = checkAppendRequest(placement.streamId, events, { expectedVersion: "any", meta: batchMeta }, context.catalogue);
  if (checked._tag === "Left") return checked as Either<InvalidEvent | InvalidAppend, never>;
  return recordBatch(checked.right, placement, context);
}

/**
 * Builds the recorded envelopes of a batch that `checkAppendRequest` passed, at its
 * placement: positions, versions, event ids, the record time and the hash chain. Refuses
 * an event whose canonical line would be longer than `INPUT_LIMITS.eventBytes`, which no
 * JSONL reader would read back.
 */
export function recordBatch(checked: CheckedAppend, placement: Omit<BatchPlacement, "streamId">, context: AppendContext): Either<InvalidEvent, RecordedEvent[]> {
  // The clock's time in the one form readers accept (UTC, milliseconds, Z): a store never writes what it cannot read back.
  const clocked = context.clock();
  const recordedAt = toUtcIso(clocked);
  if (recordedAt._tag === "Left") {
    const eventType = checked.events[0]?.event.type ?? "";
    return left({ code: "invalid_clock", index: 0, eventType, path: "recordedAt", message: `the store's clock gave ${describeValue(clocked)}, not a time: ${recordedAt.left}; give the store a clock that returns an ISO-8601 date-time with a zone` });
  }
  const recorded: RecordedEvent[] = [];
  let prevHash = placement.head.hash;
  for (let index = 0; index < checked.events.length; index++) {
    const { event, meta } = checked.events[index] as CheckedAppend["events"][number];
    const envelope = {
      position: placement.head.position + index + 1,
      streamId: checked.streamId,
      version: placement.streamVersion + index + 1,
      eventId: context.ids(),
      type: event.type,
      schemaVersion: context.catalogue?.schemaVersionOf(event.type) ?? 1,
      data: deepFreeze(event.data),
      meta: Object.freeze(meta),
      recordedAt: recordedAt.right,
      prevHash,
      hash: "",
    };
    // The hash covers every field but `hash` itself; filled in place, so the envelope is built once.
    const parts = partsOrProblem(envelope, index);
    if ("code" in parts) return left(parts);
    const { head, tail } = parts;
    const tooLong = lineTooLong(head, tail, index, event.type);
    if (tooLong !== undefined) return left(tooLong);
    envelope.hash = sha256Hex(prevHash + head + tail);
    recorded.push(Object.freeze(envelope) as RecordedEvent);
    prevHash = envelope.hash;
  }
  return right(recorded);
}

/** The refusal of an event whose line would exceed the limit. */
function lineTooLong(head: string, tail: string, index: number, eventType: string): InvalidEvent | undefined {
  const bytes = lineBytesOverLimit(head, tail);
  if (bytes === undefined) return undefined;
  return { code: "invalid_event", index, eventType, path: "data", message: `event ${index} (${eventType}): data: with its envelope, the event would take ${bytes} bytes as a line, more than the ${INPUT_LIMITS.eventBytes} (1 MiB) one event may take` };
}

/**
 * The canonical parts of an envelope, or the refusal of data that has no canonical form:
 * checked data cannot get here, but a catalogue's schema may transform data into a value
 * that is not JSON (a `Date`, a bigint).
 */
function partsOrProblem(unhashed: Parameters<typeof envelopeParts>[0], index: number): EnvelopeParts | InvalidEvent {
  try {
    return envelopeParts(unhashed);
  } catch (error) {
    const reason = error instanceof TypeError ? error.message.replace("canonicalJson: $", "data") : String(error);
    return { code: "invalid_event", index, eventType: unhashed.type, path: "data", message: `event ${index} (${unhashed.type}): ${reason}` };
  }
}
