import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { InvalidEvent } from "./append-errors.js";
import type { EventCatalogue } from "./catalogue.js";
import type { Clock } from "./clock.js";
import type { ChainHead, EventMeta, EventToAppend, RecordedEvent } from "./envelope.js";
import { deepFreeze } from "./fold.js";
import { hashEvent } from "./hash-chain.js";
import type { IdGenerator } from "./ids.js";
import { normaliseMeta } from "./meta.js";

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
 * Validates a batch (schemas, meta) and builds its recorded, hash-chained, frozen
 * envelopes. Pure given the context: one shared path for every store.
 */
export function prepareBatch(
  events: readonly EventToAppend[],
  batchMeta: EventMeta | undefined,
  placement: BatchPlacement,
  context: AppendContext,
): Either<InvalidEvent, RecordedEvent[]> {
  const checked = checkBatch(events, batchMeta, context.catalogue);
  if (checked._tag === "Left") return checked;
  const recordedAt = context.clock();
  const recorded: RecordedEvent[] = [];
  let prevHash = placement.head.hash;
  for (let index = 0; index < checked.right.length; index++) {
    const { event, meta } = checked.right[index] as CheckedEvent;
    const envelope = {
      position: placement.head.position + index + 1,
      streamId: placement.streamId,
      version: placement.streamVersion + index + 1,
      eventId: context.ids(),
      type: event.type,
      schemaVersion: context.catalogue?.schemaVersionOf(event.type) ?? 1,
      data: deepFreeze(event.data),
      meta: Object.freeze(meta),
      recordedAt,
      prevHash,
      hash: "",
    };
    // The hash covers every field but `hash` itself; filled in place, so the envelope is built once.
    const hash = hashOrProblem(envelope, index);
    if (typeof hash !== "string") return left(hash);
    envelope.hash = hash;
    recorded.push(Object.freeze(envelope) as RecordedEvent);
    prevHash = hash;
  }
  return right(recorded);
}

function hashOrProblem(unhashed: Parameters<typeof hashEvent>[0], index: number): string | InvalidEvent {
  try {
    return hashEvent(unhashed);
  } catch (error) {
    const reason = error instanceof TypeError ? error.message.replace("canonicalJson: $", "data") : String(error);
    return { code: "invalid_event", index, eventType: unhashed.type, path: "data", message: `event ${index} (${unhashed.type}): ${reason}` };
  }
}

interface CheckedEvent {
  readonly event: EventToAppend;
  readonly meta: EventMeta;
}

/** Checks every event's schema and meta before anything is built; the first problem refuses the batch. */
export function checkBatch(
  events: readonly EventToAppend[],
  batchMeta: EventMeta | undefined,
  catalogue: EventCatalogue | undefined,
): Either<InvalidEvent, CheckedEvent[]> {
  const normalisedBatchMeta = batchMeta === undefined ? undefined : normaliseMeta(batchMeta);
  const checked: CheckedEvent[] = [];
  for (let index = 0; index < events.length; index++) {
    const original = events[index] as EventToAppend;
    if (typeof original.type !== "string" || original.type === "") {
      return left({ code: "invalid_event", index, eventType: String(original.type), path: "type", message: `event ${index}: type must be a non-empty string` });
    }
    const metaResult = original.meta === undefined ? normalisedBatchMeta : normaliseMeta(original.meta);
    if (metaResult === undefined || metaResult._tag === "Left") {
      const problem = metaResult?.left ?? { path: "meta", message: "meta: the event has no meta and the batch gives none" };
      return left({ code: "invalid_meta", index, eventType: original.type, path: problem.path, message: `event ${index} (${original.type}): ${problem.message}` });
    }
    const validated = catalogue === undefined ? right(original) : catalogue.validate(original);
    if (validated._tag === "Left") {
      const problem = validated.left;
      const code = problem.code === "invalid_event_data" ? "invalid_event" : problem.code;
      return left({ code, index, eventType: original.type, path: problem.path, message: `event ${index}: ${problem.message}` });
    }
    checked.push({ event: validated.right, meta: metaResult.right });
  }
  return right(checked);
}
