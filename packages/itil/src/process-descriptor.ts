import { mutableCopy, type Decider, type DomainError, type EventCatalogue, type Lifecycle, type RecordedBreach } from "@handover/core";
import { map, right, type Either } from "fp-ts/lib/Either.js";
import type { z } from "zod";
import type { CommandContext } from "./command-context.js";
import { judgeEvents, recordedBreaches, type Rule, type RuleContext } from "./rules.js";

/** The schema of a process's commands: a zod schema of objects with a `type`. */
export type CommandSchema = z.ZodType<{ readonly type: string }>;
/** A command as its schema parses it. */
export type ParsedCommand<Schema extends CommandSchema> = z.output<Schema>;
/** A command as a caller writes it, before its schema's defaults apply. */
export type CommandInput<Schema extends CommandSchema> = z.input<Schema>;

/** A lifecycle table with the name the docs give it (`CI`, `normal change`). */
export interface NamedLifecycle {
  readonly name: string;
  readonly table: Lifecycle<string, string>;
}

/**
 * The named groups of a process's states: `open` (work in progress), `finished` (final,
 * nothing more happens) and, where the process has one, `inForce` (an authorisation or a
 * configuration that is live). Read models and readiness use the groups, never their own lists.
 */
export interface StateGroups<Status extends string> {
  readonly open: readonly Status[];
  readonly finished: readonly Status[];
  readonly inForce?: readonly Status[];
}

/**
 * One ITIL process, described once: its name and stream naming, its command schema and event
 * catalogue, its decider and lifecycle tables with their state groups, the facts it needs
 * from the other processes, and its rules. One list of descriptors drives routing, the
 * catalogue, the read models, the audit and the docs (docs/concepts.md, "Processes").
 */
export interface ProcessDescriptor<
  Name extends string,
  Schema extends z.ZodType<{ readonly type: string }>,
  State,
  Event extends { readonly type: string; readonly data: unknown },
  Facts extends CommandContext,
  RuleFacts extends RuleContext,
  Status extends string = string,
> {
  readonly name: Name;
  /** How the docs title it: `Change management`. */
  readonly title: string;
  /** Every command type starts with `<commandPrefix>.`: `ci.register`. */
  readonly commandPrefix: string;
  /** Every stream is `<streamPrefix>-<id>`: `ci-crm-db`. */
  readonly streamPrefix: string;
  /** The field of every command and event that names its aggregate: `ciId`, `changeId`. */
  readonly idField: string;
  readonly commandSchema: Schema;
  readonly catalogue: EventCatalogue;
  readonly decider: Decider<z.output<Schema>, State, Event, Facts>;
  readonly lifecycles: readonly NamedLifecycle[];
  /** The lifecycle state of an aggregate. */
  statusOf(state: State): Status;
  readonly groups: StateGroups<Status>;
  /** The facts its decider and rules read from the other processes, by name, each in one sentence (for the docs). */
  readonly facts: Readonly<Record<string, string>>;
  readonly rules: readonly Rule<State, Event, RuleFacts>[];
}

/** Declares a process descriptor, keeping its types for the list of processes. */
export function defineProcess<
  Name extends string,
  Schema extends z.ZodType<{ readonly type: string }>,
  State,
  Event extends { readonly type: string; readonly data: unknown },
  Facts extends CommandContext,
  RuleFacts extends RuleContext,
  Status extends string,
>(descriptor: ProcessDescriptor<Name, Schema, State, Event, Facts, RuleFacts, Status>): ProcessDescriptor<Name, Schema, State, Event, Facts, RuleFacts, Status> {
  return descriptor;
}

/** The stream of an aggregate of a process: `<streamPrefix>-<id>`. */
export function streamIdIn(descriptor: { readonly streamPrefix: string }, id: string): string {
  return `${descriptor.streamPrefix}-${id}`;
}

/** The parts of a descriptor that decide: its decider and its rules. */
export interface DecidingParts<Command, State, Event extends { readonly type: string }, Facts, RuleFacts> {
  readonly decider: Decider<Command, State, Event, Facts>;
  readonly rules: readonly Rule<State, Event, RuleFacts>[];
}

/** What a command decides: the events to append and, for each, the breaches of rules in record mode it keeps. */
export interface RuledDecision<Event> {
  readonly events: readonly Event[];
  readonly breaches: readonly (readonly RecordedBreach[])[];
}

/**
 * Decides a command as the process does: its decider (lifecycle and the rules of the
 * aggregate alone), then its rules on each event the decider would append, with the facts
 * `ruleFactsOf` gives for that event (the facts the audit replay builds for the same event).
 * A breach of an enforced rule refuses the command; breaches of rules in record mode come
 * back with the event that committed them.
 */
export function decideWithRules<Command, State, Event extends { readonly type: string; readonly data: unknown }, Facts extends CommandContext, RuleFacts extends RuleContext>(
  descriptor: DecidingParts<Command, State, Event, Facts, RuleFacts>,
  command: Command,
  state: State,
  facts: Facts,
  ruleFactsOf: (event: Event, state: State) => RuleFacts,
): Either<DomainError, RuledDecision<Event>> {
  const decided = descriptor.decider.decide(command, state, facts);
  if (decided._tag === "Left") return decided;
  const events = decided.right;
  // Each event is judged on the state just before it: a private copy evolved through the
  // batch, so the caller's state (often a model's live, mutable one) is neither changed nor frozen.
  const evolve = (current: State, event: Event): State => {
    const copy = mutableCopy(current);
    descriptor.decider.evolve(copy as Parameters<typeof descriptor.decider.evolve>[0], event);
    return copy;
  };
  const judged = judgeEvents(descriptor.rules, evolve, state, events, ruleFactsOf);
  const breaches = recordedBreaches(facts.policy.control, judged);
  if (breaches._tag === "Left") return breaches;
  return right({ events, breaches: breaches.right });
}

/**
 * The process's decider with its rules, as one core `Decider` taking facts that hold the rule
 * facts too (every event judged with those facts): for given/when/then specs and for
 * embedding one process without the engine. Breaches of rules in record mode are dropped;
 * `decideWithRules` returns them.
 */
export function ruledDecider<Command, State, Event extends { readonly type: string; readonly data: unknown }, Facts extends CommandContext, RuleFacts extends RuleContext>(
  descriptor: DecidingParts<Command, State, Event, Facts, RuleFacts>,
): Decider<Command, State, Event, Facts & RuleFacts> {
  const { decider } = descriptor;
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide: (command, state, facts) => map((decision: RuledDecision<Event>) => decision.events)(decideWithRules(descriptor, command, state, facts, () => facts)),
  };
}
