import { checkCommandInput, domainError, type Clock, type EventMeta, type EventStore, type RecordedEvent } from "@handover/core";
import { decideCommand, routeCommand, type ReadinessState, type RoutedCommand } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { HandoverError } from "./errors.js";
import type { ReadinessSource } from "./readiness-source.js";
import { viewOf } from "./engine-view.js";

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
  /** The one model of state, caught up with the log by `catchUp`. */
  readonly model: ReadinessState;
  /** The log, checking every appended event against the catalogue (`checkedStore`). */
  readonly store: EventStore;
  readonly catchUp: () => Promise<void>;
  readonly log: () => AsyncIterable<RecordedEvent>;
  readonly clock: Clock;
  readonly maxRetries: number;
  /** An embedder's own readiness for sign-off; absent: the model's own. */
  readonly readiness: ReadinessSource | undefined;
}

/**
 * Runs one command: route and parse, then (retrying after a conflict with another writer)
 * catch up, decide against the model (decider, facts and rules: `decideCommand`) and append
 * with the version the model holds (the store checks each event against the catalogue).
 * Nothing is appended when anything refuses.
 */
export async function executeCommand(env: ExecutionEnvironment, input: unknown, options: ExecuteOptions): Promise<Either<HandoverError, ExecuteResult>> {
  // The input rules first (core's, the same for every store): nothing below ever sees a malformed command or options.
  const meta = checkCommandInput(input, options, env.clock);
  if (meta._tag === "Left") return left(domainError("invalid_command", meta.left.message, { path: meta.left.path }));
  const routed = routeCommand(input);
  if (routed._tag === "Left") return routed;
  if (meta.right.commandId !== undefined) {
    const previous = await env.store.findCommand(meta.right.commandId);
    if (previous !== undefined) return right(resultOf(previous.events, true));
  }
  for (let attempt = 0; attempt <= env.maxRetries; attempt++) {
    await env.catchUp();
    const outcome = await decideAndAppend(env, routed.right, meta.right);
    if (outcome._tag === "Right" || outcome.left.code !== "version_conflict") return outcome;
  }
  return left(domainError("concurrency_retries_exhausted", `${routed.right.command.type}: another writer kept moving ${routed.right.streamId} on; tried ${env.maxRetries + 1} times`));
}

/** Facts an embedder supplies instead of the model's: its own readiness for a sign-off. */
async function embedderFacts(env: ExecutionEnvironment, routed: RoutedCommand, meta: EventMeta): Promise<Readonly<Record<string, unknown>>> {
  if (env.readiness === undefined || routed.command.type !== "project.sign_off_transition") return {};
  return { readiness: await env.readiness({ view: viewOf(env.model), log: env.log, projectId: routed.id, at: meta.occurredAt }) };
}

async function decideAndAppend(env: ExecutionEnvironment, routed: RoutedCommand, meta: EventMeta): Promise<Either<HandoverError, ExecuteResult>> {
  const decided = decideCommand(env.model, routed, meta, await embedderFacts(env, routed, meta));
  if (decided._tag === "Left") return decided;
  const { streamId, expectedVersion, events } = decided.right;
  if (events.length === 0) return right(resultOf([], false));
  const appended = await env.store.appendToStream(streamId, events, { expectedVersion, meta });
  if (appended._tag === "Left") return appended;
  await env.catchUp();
  return right(resultOf(appended.right.events, appended.right.duplicate));
}

function resultOf(events: readonly RecordedEvent[], duplicate: boolean): ExecuteResult {
  return { events, positions: events.map((event) => event.position), duplicate };
}
