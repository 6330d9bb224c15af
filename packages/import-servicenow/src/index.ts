export type { ImportError } from "./import-error.js";
export type { ServiceNowImportOptions, ImportSummary, ServiceNowImport } from "./import.js";
export { importServiceNow } from "./import.js";
export { importServiceNowFile } from "./import-file.js";
export type { PriorityDeviation } from "./derive.js";
export type { LifecycleDeviation } from "./incident-history.js";
export type { TargetState } from "./snapshot.js";
export { SOURCE_STATES } from "./snapshot.js";
export { REQUIRED_COLUMNS } from "./columns.js";
export { parseSourceTime } from "./values.js";
export type { IncidentEvent, IncidentRegisterEntry, IncidentRegisterOptions, IncidentRegisterBuilder } from "@handover/incident";
/**
 * Re-exported from `@handover/incident`: the catalogue an imported log is validated and
 * decoded with, and the incident register it is read into, so that a reader of imported
 * logs (the CLI, whose package graph reaches processes only through this package and the
 * projections) needs no second dependency.
 */
export { incidentCatalogue, incidentRegister, createIncidentRegisterBuilder } from "@handover/incident";
