import { createEventCatalogue, type EventCatalogue, type RecordedEvent } from "@handover/core";
import type { ConfigurationEvent } from "@handover/configuration";
import { PROCESSES } from "./processes/index.js";
import type { AnyWiring } from "./processes/wiring.js";

/** A process of the one list, with its types. */
export type WiredProcess = (typeof PROCESSES)[number];

/** The name of a process in the one list: `configuration`, `change`, ... */
export type ProcessName = WiredProcess["descriptor"]["name"];
/** The state of one aggregate of a process. */
export type StateOf<N extends ProcessName> = Extract<WiredProcess, { readonly descriptor: { readonly name: N } }>["descriptor"]["decider"]["initialState"];
/** The commands of one process, as parsed. */
export type CommandOf<N extends ProcessName> = Extract<WiredProcess, { readonly descriptor: { readonly name: N } }>["descriptor"]["decider"] extends { decide(command: infer C, ...rest: never[]): unknown } ? C : never;

/**
 * Every process of the list, its types erased, for generic code. (A cast: a decider's state
 * sits under immer's `Draft`, a conditional type, so TypeScript cannot widen it to `unknown` by itself.)
 */
export const WIRED = PROCESSES as unknown as readonly AnyWiring[];

const byType = new Map<string, AnyWiring>();
for (const wiring of WIRED) for (const type of wiring.descriptor.catalogue.definitions.keys()) byType.set(type, wiring);
const byName = new Map<string, AnyWiring>(WIRED.map((wiring) => [wiring.descriptor.name, wiring]));

/** The process an event type belongs to, or undefined for a type no process defines (skipped by the read models). */
export function wiringOfType(type: string): AnyWiring | undefined {
  return byType.get(type);
}

/** The process of a command type, by its prefix (`ci.register` → configuration). */
export function wiringOfCommand(type: string): AnyWiring | undefined {
  const prefix = type.split(".")[0];
  return WIRED.find((wiring) => wiring.descriptor.commandPrefix === prefix);
}

/** The process whose streams a stream id belongs to (`ci-crm-db` → configuration), and the aggregate's id. */
export function wiringOfStream(streamId: string): { readonly wiring: AnyWiring; readonly id: string } | undefined {
  const wiring = WIRED.find((candidate) => streamId.startsWith(`${candidate.descriptor.streamPrefix}-`));
  return wiring === undefined ? undefined : { wiring, id: streamId.slice(wiring.descriptor.streamPrefix.length + 1) };
}

/** The process of a name in the list. */
export function wiringNamed(name: string): AnyWiring | undefined {
  return byName.get(name);
}

/** The process an event type belongs to, by name, or undefined for a type no process catalogue defines. */
export function processOf(type: string): ProcessName | undefined {
  return byType.get(type)?.descriptor.name as ProcessName | undefined;
}

/** The id of the aggregate an event belongs to, from its process's id field (`ciId`, `changeId`). */
export function aggregateIdOf(wiring: AnyWiring, event: { readonly data: unknown }): string {
  return String((event.data as Record<string, unknown>)[wiring.descriptor.idField]);
}

/** True when the event is a configuration event (its aggregate is a CMDB record). */
export function isConfigurationEvent(event: RecordedEvent): event is RecordedEvent<ConfigurationEvent> {
  return byType.get(event.type)?.inCmdb === true;
}

/** The catalogue of every process's events: what a log is decoded and checked with. */
export const handoverCatalogue: EventCatalogue = createEventCatalogue(...WIRED.map((wiring) => wiring.descriptor.catalogue));
