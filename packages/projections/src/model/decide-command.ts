import { describeZodError, safeParseReportingInput, domainError, type DomainError, type EventMeta, type EventToAppend } from "@handover/core";
import { decideWithRules, streamIdIn } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { WIRED, wiringOfCommand, type ProcessName } from "../event-kinds.js";
import type { AnyWiring } from "../processes/wiring.js";
import type { ReadinessState } from "../readiness/state.js";
import { contextOf } from "./context.js";
import { whoAndWhen } from "./judge.js";

/** A command that passed its process's schema: the process, the parsed command, its aggregate and stream. */
export interface RoutedCommand {
  readonly wiring: AnyWiring;
  readonly command: { readonly type: string };
  readonly id: string;
  readonly streamId: string;
}

/**
 * Finds the process of a command by its type's prefix (in the one list of processes) and
 * parses it with that process's zod schema. Unknown types and invalid payloads are refused
 * with the field path.
 */
export function routeCommand(input: unknown): Either<DomainError, RoutedCommand> {
  if (typeof input !== "object" || input === null || typeof (input as { type?: unknown }).type !== "string") {
    return left(domainError("invalid_command", 'command.type: every command is an object with a type such as "incident.log"', { path: "command.type" }));
  }
  const type = (input as { type: string }).type;
  const wiring = wiringOfCommand(type);
  if (wiring === undefined) {
    const known = WIRED.map((candidate) => `${candidate.descriptor.commandPrefix}.*`).join(", ");
    return left(domainError("unknown_command", `unknown command type "${type}"; known command families: ${known}`, { path: "command.type" }));
  }
  const parsed = safeParseReportingInput(wiring.descriptor.commandSchema, input);
  if (!parsed.success) {
    const problem = describeZodError(parsed.error, "command");
    const code = problem.path === "command.type" ? "unknown_command" : "invalid_command";
    return left(domainError(code, `${type}: ${problem.message}`, { path: problem.path }));
  }
  const id = String((parsed.data as Record<string, unknown>)[wiring.descriptor.idField]);
  return right({ wiring, command: parsed.data, id, streamId: streamIdIn(wiring.descriptor, id) });
}

/** What a command decided: the stream, the version it was decided on, and the events to append, each with its meta (and the breaches it keeps). */
export interface DecidedCommand {
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly events: readonly EventToAppend[];
}

/** One log holds one project: `project.start` of another project, or any other command before one started, is refused. */
function projectRefusal(model: ReadinessState, command: { readonly type: string; readonly projectId?: unknown }): DomainError | undefined {
  const project = model.history.project()?.state;
  const started = project !== undefined && project.status !== "none";
  if (command.type === "project.start") {
    return started && project.projectId !== command.projectId ? domainError("one_project_per_log", `this log holds project ${project.projectId}; start ${String(command.projectId)} in a log of its own`) : undefined;
  }
  return started ? undefined : domainError("no_project", "no project has started in this log; start one with project.start first");
}

/**
 * Decides a command against the one model of state, as the engine does and as test stories
 * do: the process's decider with the facts the model gives, then the process's rules on each
 * event it would append, with the facts the audit replay builds for that same event. An
 * enforced breach refuses; breaches of rules in record mode go into the `meta.recordedBreaches`
 * of the event that committed them. `facts` overrides facts (an embedder's own readiness).
 */
export function decideCommand(model: ReadinessState, routed: RoutedCommand, meta: EventMeta, facts: Readonly<Record<string, unknown>> = {}): Either<DomainError, DecidedCommand> {
  const { wiring, command, id, streamId } = routed;
  const refusal = projectRefusal(model, command);
  if (refusal !== undefined) return left(refusal);
  const history = model.history;
  const current = history.aggregate(wiring.descriptor.name as ProcessName, id);
  const state = current?.state ?? wiring.descriptor.decider.initialState;
  const context = contextOf(history, meta.actor, meta.occurredAt);
  const deciderFacts = { ...wiring.deciderFacts(model, command, context), ...facts };
  const ruleFactsOf = (event: { readonly type: string; readonly data: unknown }, before: unknown) => {
    const { by, at } = whoAndWhen(event);
    return { ...wiring.ruleFacts(model, event, before, contextOf(history, by, at)), ...facts };
  };
  const decided = decideWithRules(wiring.descriptor, command, state, deciderFacts, ruleFactsOf);
  if (decided._tag === "Left") return decided;
  const events = decided.right.events.map((event, index): EventToAppend => {
    const recordedBreaches = decided.right.breaches[index] ?? [];
    return { ...event, meta: recordedBreaches.length === 0 ? meta : { ...meta, recordedBreaches } } as EventToAppend;
  });
  return right({ streamId, expectedVersion: current?.version ?? 0, events });
}
