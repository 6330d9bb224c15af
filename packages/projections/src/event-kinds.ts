import type { RecordedEvent } from "@handover/core";
import { changeCatalogue, type ChangeEvent } from "@handover/change";
import { configurationCatalogue, type ConfigurationEvent } from "@handover/configuration";
import { incidentCatalogue, type IncidentEvent } from "@handover/incident";
import { problemCatalogue, type ProblemEvent } from "@handover/problem";
import { projectCatalogue, type ProjectEvent } from "@handover/project";
import { releaseCatalogue, type ReleaseEvent } from "@handover/release";

/** A log event of one process, its data typed by its catalogue (the log is trusted to hold decoded events). */
export type ProcessEvent =
  | { readonly process: "configuration"; readonly event: RecordedEvent<ConfigurationEvent> }
  | { readonly process: "change"; readonly event: RecordedEvent<ChangeEvent> }
  | { readonly process: "incident"; readonly event: RecordedEvent<IncidentEvent> }
  | { readonly process: "problem"; readonly event: RecordedEvent<ProblemEvent> }
  | { readonly process: "release"; readonly event: RecordedEvent<ReleaseEvent> }
  | { readonly process: "project"; readonly event: RecordedEvent<ProjectEvent> };

/** A process whose events the read models read. */
export type ProcessName = ProcessEvent["process"];

const processOfType = new Map<string, ProcessName>();
const catalogues: readonly [ProcessName, { readonly definitions: ReadonlyMap<string, unknown> }][] = [
  ["configuration", configurationCatalogue],
  ["change", changeCatalogue],
  ["incident", incidentCatalogue],
  ["problem", problemCatalogue],
  ["release", releaseCatalogue],
  ["project", projectCatalogue],
];
for (const [process, catalogue] of catalogues) for (const type of catalogue.definitions.keys()) processOfType.set(type, process);

/** The process an event type belongs to, or undefined for a type no process catalogue defines (skipped by the read models). */
export function processOf(type: string): ProcessName | undefined {
  return processOfType.get(type);
}

/** True when the event is a configuration event. */
export function isConfigurationEvent(event: RecordedEvent): event is RecordedEvent<ConfigurationEvent> {
  return processOfType.get(event.type) === "configuration";
}
