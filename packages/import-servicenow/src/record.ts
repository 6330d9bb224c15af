import { EMPTY_HEAD, prepareBatch, type ChainHead, type IdGenerator, type RecordedEvent } from "@handover/core";
import { incidentCatalogue, type IncidentEvent } from "@handover/incident";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { DerivedIncident } from "./derive.js";
import type { ImportError } from "./import-error.js";

interface Pending {
  readonly event: IncidentEvent;
  readonly streamId: string;
  readonly incidentOrder: number;
  readonly sequence: number;
  /** The latest business time of the stream up to this event: never falls within a stream. */
  readonly reached: number;
}

/**
 * Interleaves the incidents' events into one history by business time. Each stream
 * keeps its own order even where the source's times run backwards, because events sort
 * by the latest time their stream has reached; ties keep incident order, then event order.
 */
export function interleave(incidents: readonly DerivedIncident[]): Pending[] {
  const pending: Pending[] = [];
  incidents.forEach((incident, incidentOrder) => {
    let reached = Number.NEGATIVE_INFINITY;
    incident.history.events.forEach((event, sequence) => {
      reached = Math.max(reached, Date.parse(event.data.at));
      pending.push({ event, streamId: incident.streamId, incidentOrder, sequence, reached });
    });
  });
  return pending.sort((a, b) => a.reached - b.reached || a.incidentOrder - b.incidentOrder || a.sequence - b.sequence);
}

/** When and under which ids the log learns of the imported events. */
export interface RecordingContext {
  readonly recordedAt: string;
  readonly ids: IdGenerator;
  readonly source: string;
}

/**
 * Records the derived events as one hash-chained log through core's `prepareBatch`:
 * every event checked against the incident catalogue, meta from the event's actor and
 * business time. An event that does not pass is an error naming its source line.
 */
export function recordImport(incidents: readonly DerivedIncident[], context: RecordingContext): Either<ImportError, RecordedEvent<IncidentEvent>[]> {
  const versions = new Map<string, number>();
  const recorded: RecordedEvent<IncidentEvent>[] = [];
  let head: ChainHead = EMPTY_HEAD;
  const appendContext = { catalogue: incidentCatalogue, clock: () => context.recordedAt, ids: context.ids };
  for (const { event, streamId } of interleave(incidents)) {
    const placement = { streamId, streamVersion: versions.get(streamId) ?? 0, head };
    const prepared = prepareBatch([event], { actor: event.data.by, occurredAt: event.data.at }, placement, appendContext);
    if (prepared._tag === "Left") {
      const line = event.data.source?.line ?? 0;
      return left({ code: "invalid_event", line, message: `${context.source} line ${line}: ${event.type} does not pass its schema: ${prepared.left.message}` });
    }
    const [stored] = prepared.right as RecordedEvent<IncidentEvent>[];
    if (stored === undefined) continue;
    recorded.push(stored);
    versions.set(streamId, stored.version);
    head = { position: stored.position, hash: stored.hash };
  }
  return right(recorded);
}
