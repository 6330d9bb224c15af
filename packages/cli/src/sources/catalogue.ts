import type { EventCatalogue } from "@handover/core";
import { handoverCatalogue as catalogueOfEveryProcess } from "@handover/projections";

/**
 * The event catalogue of every process in the one list of processes: what a log's events
 * are decoded and checked with.
 */
export function handoverCatalogue(): EventCatalogue {
  return catalogueOfEveryProcess;
}
