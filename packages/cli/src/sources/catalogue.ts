import type { EventCatalogue } from "@handover/core";
import { createHandover } from "@handover/engine";

let catalogue: EventCatalogue | undefined;

/**
 * The event catalogue of every process the engine wires (configuration, change, incident,
 * problem, release, project): what a log's events are decoded and checked with. The
 * engine hands its catalogue out only from a Handover, so one is made (over an in-memory
 * store that is never written) and kept.
 */
export function handoverCatalogue(): EventCatalogue {
  catalogue ??= createHandover().catalogue;
  return catalogue;
}
