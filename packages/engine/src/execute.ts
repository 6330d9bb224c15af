import { domainError, toUtcIso, type Clock, type EventMeta, type EventStore, type RecordedEvent } from "@handover/core";
import { rolesOf, type CommandContext, type HandoverPolicy } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { routeCommand, type RoutedCommand } from "./command-routing.js";
import type { MutableEngineView } from "./engine-view.js";
import type { HandoverError } from "./errors.js";
import { checkPhaseGate } from "./phase-gate.js";
import type { ProcessModule } from "./process-module.js";
import { projectContext, projectState } from "./view-queries.js";

/** Who issues a command, and how it relates to other messages. */
export interface ExecuteOptions {
  readonly actor: string;
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Business time of the command when it is not now (recording history late); ISO-8601 with a zone. */
  readonly occurredAt?: string;
}

/** What a command appended: the recorded events and their log positions. */
export interface ExecuteResult {
  readonly events: readonly RecordedEvent[];
  readonly positions: readonly number[];
  /** True when the command id had been handled before and nothing new was appended. */
  readonly duplicate: boolean;
}

/** What `executeCommand` works with: the engine's parts. */
export interface ExecutionEnvironment {
  readonly modules: readonly ProcessModule[];
  readonly store: EventStore;
  readonly view: MutableEngineView;
  readonly catchUp: () => Promise<void>;
  readonly log: () => AsyncIterable<RecordedEvent>;
  readonly policy: HandoverPolicy;
  readonly clock: Clock;
  readonly maxRetries: number;
}

/**
 * Runs one command: route and parse, then (retrying after a conflict with another writer)
 * catch up, gate by phase, build the context and facts, decide, and append with the
 * version the view holds. Nothing is appended when anything refuses.
 */
export async function executeCommand(env: ExecutionEnvironment, input: unknown, options: ExecuteOptions): Promise<Either<HandoverError, ExecuteResult>> {
  const routed = routeCommand(env.modules, input);
  if (routed._tag === "Left") return routed;
  const meta = commandMeta(env.clock, options);
  if (meta._tag === "Left") return meta;
  if (options.commandId !== undefined) {
    const previous = await env.store.findCommand(options.commandId);
    if (previous !== undefined) return right(resultOf(previous.events, true));
  }
  for (let attempt = 0; attempt <= env.maxRetries; attempt++) {
    await env.catchUp();
    const outcome = await decideAndAppend(env, routed.right, meta.right);
    if (outcome._tag === "Right" || outcome.left.code !== "version_conflict") return outcome;
  }
  return left(domainError("concurrency_retries_exhausted", `${routed.right.command.type}: another writer kept moving ${routed.right.streamId} on; tried ${env.maxRetries + 1} times`));
}

async function decideAndAppend(env: ExecutionEnvironment, routed: RoutedCommand, meta: EventMeta): Promise<Either<HandoverError, ExecuteResult>> {
  const { module, command, streamId } = routed;
  const context = commandContext(env, command, meta);
  if (context._tag === "Left") return context;
  const phase = projectState(env.view)?.phase ?? "initiation";
  const gate = checkPhaseGate(command.type, module.gatedProcess(command, env.view), context.right.policy, phase);
  if (gate._tag === "Left") return gate;
  const facts = await module.facts({ command, context: context.right, view: env.view, log: env.log });
  if (facts._tag === "Left") return facts;
  const current = env.view.aggregate(streamId);
  const decision = module.decider.decide(command, current?.state ?? module.decider.initialState, facts.right);
  if (decision._tag === "Left") return decision;
  const events = decision.right as readonly { type: string; data: unknown }[];
  if (events.length === 0) return right(resultOf([], false));
  const breach = gate.right.recordedBreach;
  const recorded = breach === undefined ? meta : { ...meta, recordedBreaches: [{ rule: "phase_gate", message: `${command.type}: ${breach}` }] };
  const appended = await env.store.appendToStream(streamId, events, { expectedVersion: current?.version ?? 0, meta: recorded });
  if (appended._tag === "Left") return appended;
  await env.catchUp();
  return right(resultOf(appended.right.events, appended.right.duplicate));
}

function commandContext(env: ExecutionEnvironment, command: { readonly type: string; readonly projectId?: unknown }, meta: EventMeta): Either<HandoverError, CommandContext> {
  const base = { actor: meta.actor, at: meta.occurredAt };
  if (command.type === "project.start") {
    const existing = projectState(env.view);
    if (existing !== undefined && existing.projectId !== command.projectId) {
      return left(domainError("one_project_per_log", `this log holds project ${existing.projectId}; start ${String(command.projectId)} in a log of its own`));
    }
    return right({ ...base, roles: rolesOf(env.policy.roles, meta.actor), policy: env.policy });
  }
  const project = projectContext(env.view, env.policy);
  if (project._tag === "Left") return project;
  return right({ ...base, roles: rolesOf(project.right.policy.roles, meta.actor), policy: project.right.policy });
}

function commandMeta(clock: Clock, options: ExecuteOptions): Either<HandoverError, EventMeta> {
  if (typeof options.actor !== "string" || options.actor.trim() === "") {
    return left(domainError("invalid_command", "actor: every command needs the actor who issues it", { path: "actor" }));
  }
  const at = options.occurredAt === undefined ? right(clock()) : toUtcIso(options.occurredAt);
  if (at._tag === "Left") return left(domainError("invalid_command", `occurredAt: ${at.left}`, { path: "occurredAt" }));
  const meta: Record<string, string> = { actor: options.actor, occurredAt: at.right };
  for (const key of ["commandId", "correlationId", "causationId"] as const) if (options[key] !== undefined) meta[key] = options[key];
  return right(meta as unknown as EventMeta);
}

function resultOf(events: readonly RecordedEvent[], duplicate: boolean): ExecuteResult {
  return { events, positions: events.map((event) => event.position), duplicate };
}
