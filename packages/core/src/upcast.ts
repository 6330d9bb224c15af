import type { EventCatalogue } from "./catalogue.js";
import type { RecordedEvent } from "./envelope.js";
import { LogError } from "./errors.js";

/**
 * Decodes a stored event with a catalogue: lifts older schema versions to the current
 * one and parses the data. The result keeps the stored hash, which covers the stored
 * form: verify a log before decoding it, not after. A stored event that does not parse
 * is a `LogError` naming its position (and line, when given).
 */
export function decodeRecorded(catalogue: EventCatalogue, event: RecordedEvent, line?: number): RecordedEvent {
  const decoded = catalogue.decode(event.type, event.data, event.schemaVersion);
  const where = line === undefined ? `position ${event.position}` : `line ${line} (position ${event.position})`;
  if (decoded._tag === "Left") {
    throw new LogError(decoded.left.code, `${event.type} at ${where}: ${decoded.left.message.replace(`${event.type}: `, "")}`, {
      position: event.position,
      ...(line === undefined ? {} : { line }),
    });
  }
  const schemaVersion = catalogue.schemaVersionOf(event.type) ?? event.schemaVersion;
  if (decoded.right === event.data && schemaVersion === event.schemaVersion) return event;
  return { ...event, data: decoded.right, schemaVersion } as RecordedEvent;
}

/** Decodes every event of a log with a catalogue, lazily. */
export async function* decodeLog(
  catalogue: EventCatalogue,
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
): AsyncGenerator<RecordedEvent> {
  for await (const event of events) yield decodeRecorded(catalogue, event);
}
