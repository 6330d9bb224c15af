import { incidentProcess } from "@handover/incident";
import { incidentTrimming } from "../history/retention.js";
import { updateIncident } from "../readiness/update-work.js";
import type { WiringOf } from "./wiring.js";

/** Incident management, wired: its decider and rules read the context alone. */
export const incidentWiring: WiringOf<typeof incidentProcess> = {
  descriptor: incidentProcess,
  deciderFacts: (_model, _command, context) => context,
  ruleFacts: (_model, _event, _state, context) => context,
  readiness: (model, incidentId, event) => updateIncident(model, incidentId, event),
  trimming: incidentTrimming,
};
