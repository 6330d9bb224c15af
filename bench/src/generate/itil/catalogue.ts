import { changeCatalogue } from "@handover/change";
import { configurationCatalogue } from "@handover/configuration";
import { createEventCatalogue, type EventCatalogue } from "@handover/core";
import { incidentCatalogue } from "@handover/incident";
import { problemCatalogue } from "@handover/problem";
import { projectCatalogue } from "@handover/project";
import { releaseCatalogue } from "@handover/release";

/** Every process's catalogue in one: what a Handover log of all processes is checked against. */
export const itilCatalogue: EventCatalogue = createEventCatalogue(configurationCatalogue, changeCatalogue, incidentCatalogue, problemCatalogue, releaseCatalogue, projectCatalogue);

/** Throws when an event's data does not pass its process's schema (or its type is unknown). */
export function checkAgainstCatalogue(type: string, data: unknown, position: number): void {
  const checked = itilCatalogue.validate({ type, data });
  if (checked._tag === "Left") throw new Error(`generated event at position ${position} is not valid: ${checked.left.message}`);
}
