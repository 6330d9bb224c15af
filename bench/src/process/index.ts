/**
 * The process under benchmark, in one place: today a local incident-like decider; when
 * `@handover/incident` lands, point these exports at its decider, catalogue and a script
 * of its commands, and every workload follows.
 */
export { incidentDecider as benchDecider, streamIdOfIncident as streamIdOf } from "./decider.js";
export { incidentCatalogue as benchCatalogue, type IncidentEvent as BenchEvent } from "./events.js";
export type { IncidentCommand as BenchCommand, IncidentFacts as BenchFacts } from "./commands.js";
export type { IncidentState as BenchState } from "./state.js";
export { incidentScript as benchScript, MIN_SCRIPT_LENGTH, type ScriptedCommand } from "./script.js";
