import type { RecordedEvent } from "@handover/core";
import type { CommandContext, CommandSchema, ParsedCommand, ProcessDescriptor, RuleContext } from "@handover/itil";
import type { Trimming } from "../history/retention.js";
import type { ReadinessState } from "../readiness/state.js";

/**
 * A process as the read models and the engine use it: its descriptor, and how the one model
 * of state (`ReadinessState`: the history of every aggregate, the CMDB, the readiness
 * offenders) answers the facts it needs. `deciderFacts` serves a command's decision;
 * `ruleFacts` serves its rules, built from the event alone, so a decision (on the events it
 * would append) and the audit replay (on the events of the log) build them the same way.
 */
export interface ProcessWiring<
  Name extends string,
  Schema extends CommandSchema,
  State,
  Event extends { readonly type: string; readonly data: unknown },
  Facts extends CommandContext,
  RuleFacts extends RuleContext,
  Status extends string,
> {
  readonly descriptor: ProcessDescriptor<Name, Schema, State, Event, Facts, RuleFacts, Status>;
  /** The facts of a command's decider, read from the model before the command. */
  deciderFacts(model: ReadinessState, command: ParsedCommand<Schema>, context: CommandContext): Facts;
  /** The facts of the process's rules for one event, read from the model as it stood before the event (`state`: its aggregate then). */
  ruleFacts(model: ReadinessState, event: Event, state: State, context: RuleContext): RuleFacts;
  /** Keeps readiness's offenders current after an event of the process (after the history applied it). */
  readiness?(model: ReadinessState, id: string, event: RecordedEvent): void;
  /** What `readiness` retention keeps of a finished aggregate; absent: kept whole. */
  readonly trimming?: Trimming<State>;
  /** True when the process's aggregates are the CMDB's records (configuration), not the history's own. */
  readonly inCmdb?: boolean;
}

/** The wiring of a descriptor: its types taken from the descriptor (so a wiring's type never depends on the list it is in). */
export type WiringOf<D> =
  D extends ProcessDescriptor<infer Name, infer Schema, infer State, infer Event, infer Facts, infer RuleFacts, infer Status> ? ProcessWiring<Name, Schema, State, Event, Facts, RuleFacts, Status> : never;

/** A wiring with its types erased, as generic code (routing, replay, audit) holds it. */
export type AnyWiring = ProcessWiring<string, CommandSchema, unknown, { readonly type: string; readonly data: unknown }, CommandContext, RuleContext, string>;
