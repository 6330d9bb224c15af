import type { Decider, DomainError, EventCatalogue, RecordedEvent } from "@handover/core";
import type { CommandContext, ControlledProcess } from "@handover/itil";
import type { Either } from "fp-ts/lib/Either.js";
import type { z } from "zod";
import type { EngineView } from "./engine-view.js";

/** What a process module is told about the command it builds facts for. */
export interface FactsRequest<Command> {
  readonly command: Command;
  readonly context: CommandContext;
  readonly view: EngineView;
  /** The whole log up to the view's position, for facts that need history (readiness). */
  readonly log: () => AsyncIterable<RecordedEvent>;
}

/**
 * One ITIL process as the engine wires it: its command schema, its decider and catalogue,
 * the stream a command goes to, the process the phase gate checks, and the facts its
 * decider needs from the other processes.
 */
export interface ProcessSpec<Command extends { readonly type: string }, State, Event, Facts> {
  readonly name: string;
  /** Command types start with `<commandPrefix>.`; streams start with `<streamPrefix>-`. */
  readonly commandPrefix: string;
  readonly streamPrefix: string;
  readonly commandSchema: z.ZodType<Command>;
  readonly catalogue: EventCatalogue;
  readonly decider: Decider<Command, State, Event, Facts>;
  streamIdOf(command: Command): string;
  /** The controlled process whose phase gate applies, or undefined when none does. */
  gatedProcess(command: Command, view: EngineView): ControlledProcess | undefined;
  facts(request: FactsRequest<Command>): Either<DomainError, Facts> | Promise<Either<DomainError, Facts>>;
}

/** A process module with its types erased, as the engine's registry holds it. */
export type ProcessModule = ProcessSpec<{ readonly type: string }, unknown, unknown, unknown>;

/** Declares a process module, keeping its types while it is written and erasing them for the registry. */
export function defineProcess<Command extends { readonly type: string }, State, Event, Facts>(
  spec: ProcessSpec<Command, State, Event, Facts>,
): ProcessModule {
  return spec as unknown as ProcessModule;
}
