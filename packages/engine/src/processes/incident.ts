import { IncidentCommand, incidentCatalogue, incidentDecider, streamIdOfIncident, type IncidentFacts } from "@handover/incident";
import { right } from "fp-ts/lib/Either.js";
import { defineProcess } from "../process-module.js";

/** Incident management: the context is all its decider needs; the phase gate is `incident`. */
export const incidentProcess = defineProcess({
  name: "incident",
  commandPrefix: "incident",
  streamPrefix: "incident",
  commandSchema: IncidentCommand,
  catalogue: incidentCatalogue,
  decider: incidentDecider,
  streamIdOf: (command) => streamIdOfIncident(command.incidentId),
  gatedProcess: () => "incident",
  facts: ({ context }) => right<never, IncidentFacts>(context),
});
