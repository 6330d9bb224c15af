import type { AppendError, AppendResult, EventCatalogue, EventStore, EventToAppend } from "@handover/core";
import { left, type Either } from "fp-ts/lib/Either.js";

/** The first event of a batch its catalogue refuses, as the store would refuse it; undefined when all parse. */
function refusalOf(catalogue: EventCatalogue, events: readonly EventToAppend[]): AppendError | undefined {
  for (const [index, event] of events.entries()) {
    const valid = catalogue.validate(event);
    if (valid._tag === "Right") continue;
    const problem = valid.left;
    const code = problem.code === "invalid_event_data" ? "invalid_event" : problem.code;
    return { code, index, eventType: event.type, path: problem.path, message: `event ${index}: ${problem.message}` };
  }
  return undefined;
}

/**
 * A store that checks every appended event against the catalogue before the store sees it,
 * whatever the store (one made without a catalogue, an embedder's own): an event that does
 * not parse is never appended, and nothing of its batch is. Every other member of the store
 * passes through as it is (a proxy, so members a store adds later pass through too).
 */
export function checkedStore(store: EventStore, catalogue: EventCatalogue): EventStore {
  const appendToStream: EventStore["appendToStream"] = async (streamId, events, options): Promise<Either<AppendError, AppendResult>> => {
    const refusal = refusalOf(catalogue, events);
    return refusal === undefined ? store.appendToStream(streamId, events, options) : left(refusal);
  };
  return new Proxy(store, {
    get(target, member, receiver) {
      if (member === "appendToStream") return appendToStream;
      const value: unknown = Reflect.get(target, member, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
