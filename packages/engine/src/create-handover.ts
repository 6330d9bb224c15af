import { createInMemoryEventStore, decodeLog, randomIds, systemClock, type Clock, type EventCatalogue, type EventStore, type IdGenerator, type RecordedEvent } from "@handover/core";
import { defaultPolicy, resolvePolicy, type HandoverPolicy, type PolicyOverrides } from "@handover/itil";
import {
  applyToReadiness,
  cmdbOf,
  createHistory,
  createReadinessState,
  handoverCatalogue,
  readinessOf,
  type Cmdb,
  type Readiness,
  type ReadinessCriteria,
} from "@handover/projections";
import type { Either } from "fp-ts/lib/Either.js";
import { checkedStore } from "./checked-store.js";
import { checkPositions, viewOf, type EngineView } from "./engine-view.js";
import type { HandoverError } from "./errors.js";
import { executeCommand, type ExecuteOptions, type ExecuteResult } from "./execute.js";
import type { HandoverCommand } from "./handover-command.js";
import type { ReadinessSource } from "./readiness-source.js";
import { projectState } from "./view-queries.js";

/** Options of `createHandover`: every one has a default. */
export interface HandoverOptions {
  /** The log; default an in-memory store. One log holds one project. Every event appended through Handover is checked against its catalogue. */
  readonly store?: EventStore;
  /** The organisation's policy, or overrides of the default policy (docs/policy.md); the project's own overrides apply on top. */
  readonly policy?: HandoverPolicy | PolicyOverrides;
  /** Business time of commands that do not give their own; default the system clock. */
  readonly clock?: Clock;
  /** Event ids of the default store; default random UUIDs. */
  readonly ids?: IdGenerator;
  /** Whether the project is ready for sign-off; default the engine's own transition readiness (nothing to wire). */
  readonly readiness?: ReadinessSource;
  /** The readiness criteria of the engine's own readiness (thresholds, checks, severities); default docs/policy.md's. */
  readonly criteria?: ReadinessCriteria;
  /** Retries after a version conflict with another writer (default 3). */
  readonly maxRetries?: number;
}

/** An embedded Handover: run commands, read the current state. */
export interface Handover {
  /** Validates, routes, decides with facts from the other processes and the process's rules, and appends; errors are values. */
  execute(command: HandoverCommand, options: ExecuteOptions): Promise<Either<HandoverError, ExecuteResult>>;
  /** `execute` for untrusted input (a request body, a file): the same checks, refusing what is not a command with the field path. */
  executeUnknown(input: unknown, options: ExecuteOptions): Promise<Either<HandoverError, ExecuteResult>>;
  /** The current state of every aggregate, caught up with the log (including other writers). */
  view(): Promise<EngineView>;
  /** The read models, caught up: the CMDB and the project's transition readiness now. */
  readModels(): Promise<{ readonly cmdb: Cmdb; readonly readiness: Readiness | undefined }>;
  /** The log, decoded with the processes' catalogue. */
  log(): AsyncIterable<RecordedEvent>;
  /** The log, checking every event appended through it against the catalogue. */
  readonly store: EventStore;
  readonly catalogue: EventCatalogue;
  readonly policy: HandoverPolicy;
  close(): Promise<void>;
}

/**
 * Creates an embedded Handover over a store (default in-memory). It keeps one model of
 * state (the projections' history, CMDB and readiness), fed once per event; an existing log
 * is replayed into it on first use, so a Handover built over a store answers exactly as the
 * one that wrote it, and decides as the audit replay judges.
 */
export function createHandover(options: HandoverOptions = {}): Handover {
  const policy = organisationPolicy(options.policy);
  const model = createReadinessState(createHistory(policy, undefined, { handsOut: true }), options.criteria);
  const catalogue = handoverCatalogue;
  const clock = options.clock ?? systemClock;
  const store = checkedStore(options.store ?? createInMemoryEventStore({ clock, ids: options.ids ?? randomIds, catalogue }), catalogue);
  const log = (): AsyncIterable<RecordedEvent> => decodeLog(catalogue, store.readAll());

  const catchUp = async (): Promise<void> => {
    const fresh: RecordedEvent[] = [];
    for await (const event of decodeLog(catalogue, store.readAll({ fromPosition: model.history.cmdb.position + 1 }))) fresh.push(event);
    checkPositions(model.history.cmdb.position, fresh);
    for (const event of fresh) applyToReadiness(model, event);
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const env = { model, store, catchUp, log, clock, maxRetries: options.maxRetries ?? 3, readiness: options.readiness };
  const executeUnknown = (input: unknown, executeOptions: ExecuteOptions) => serialised(() => executeCommand(env, input, executeOptions));

  return {
    store,
    catalogue,
    policy,
    log,
    view: () =>
      serialised(async () => {
        await catchUp();
        return viewOf(model);
      }),
    readModels: () =>
      serialised(async () => {
        await catchUp();
        const project = projectState(viewOf(model));
        return { cmdb: cmdbOf(model.history.cmdb), readiness: project === undefined ? undefined : readinessOf(model, project.projectId) };
      }),
    execute: executeUnknown,
    executeUnknown,
    close: () => store.close(),
  };
}

function organisationPolicy(given: HandoverPolicy | PolicyOverrides | undefined): HandoverPolicy {
  if (given === undefined) return defaultPolicy;
  if ("control" in given && "priorityMatrix" in given) return given as HandoverPolicy;
  const resolved = resolvePolicy(given);
  if (resolved._tag === "Left") throw new TypeError(`createHandover: ${resolved.left}`);
  return resolved.right;
}
