import type { Decider } from "@handover/core";
import type { IncidentCommand, IncidentFacts } from "./commands.js";
import { decideIncident } from "./decide.js";
import type { IncidentEvent } from "./events.js";
import { evolveIncident } from "./evolve.js";
import { initialIncidentState, type IncidentState } from "./state.js";

/** The bench's incident-like decider: a Handover decider with an immer recipe, local to the bench. */
export const incidentDecider: Decider<IncidentCommand, IncidentState, IncidentEvent, IncidentFacts> = {
  initialState: initialIncidentState,
  decide: decideIncident,
  evolve: evolveIncident,
};

/** The stream an incident lives in. */
export function streamIdOfIncident(incidentId: string): string {
  return `incident-${incidentId}`;
}
