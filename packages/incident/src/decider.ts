import type { Decider } from "@handover/core";
import type { IncidentCommand } from "./commands.js";
import { decideIncident } from "./decide.js";
import type { IncidentEvent } from "./events.js";
import { evolveIncident } from "./evolve.js";
import type { IncidentFacts } from "./facts.js";
import { initialIncidentState, type IncidentState } from "./state.js";

/** Incident management as a decider: the command's rules in `decide`, the immer recipe in `evolve`. */
export const incidentDecider: Decider<IncidentCommand, IncidentState, IncidentEvent, IncidentFacts> = {
  initialState: initialIncidentState,
  decide: decideIncident,
  evolve: evolveIncident,
};
