import {
  createEventCatalogue,
  createInMemoryEventStore,
  decodeLog,
  randomIds,
  systemClock,
  type Clock,
  type EventCatalogue,
  type EventStore,
  type IdGenerator,
  type RecordedEvent,
} from "@handover/core";
import { defaultPolicy, resolvePolicy, type HandoverPolicy, type PolicyOverrides } from "@handover/itil";
import type { Either } from "fp-ts/lib/Either.js";
import { createEngineView, type EngineView } from "./engine-view.js";
import type { HandoverError } from "./errors.js";
import { executeCommand, type ExecuteOptions, type ExecuteResult } from "./execute.js";
import type { ProcessModule } from "./process-module.js";
import { defaultProcesses } from "./processes/index.js";
import type { ReadinessSource } from "./readiness-source.js";
import { projectState } from "./view-queries.js";
import type { Cmdb, Readiness, ReadinessCriteria } from "@handover/projections";
import { createInlineReadModels } from "./inline-read-models.js";
import { inlineReadiness } from "./readiness.js";

/** Options of `createHandover`: every one has a default. */
export interface HandoverOptions {
  /** The log; default an in-memory store. One log holds one project. */
  readonly store?: EventStore;
  /** The organisation's policy, or overrides of DESIGN.md's defaults; the project's own overrides apply on top. */
  readonly policy?: HandoverPolicy | PolicyOverrides;
  /** Business time of commands that do not give their own; default the system clock. */
  readonly clock?: Clock;
  /** Event ids of the default store; default random UUIDs. */
  readonly ids?: IdGenerator;
  /** Whether the project is ready for sign-off; default the projections' transition readiness, kept inline. */
  readonly readiness?: ReadinessSource;
  /** The readiness criteria of the inline readiness (thresholds, checks, severities); default DESIGN.md's. */
  readonly criteria?: ReadinessCriteria;
  /** Retries after a version conflict with another writer (default 3). */
  readonly maxRetries?: number;
}

/** An embedded Handover: run commands, read the current state. */
export interface Handover {
  /** Validates, routes, decides with facts from the other processes, and appends; errors are values. */
  execute(command: unknown, options: ExecuteOptions): Promise<Either<HandoverError, ExecuteResult>>;
  /** The current state of every aggregate, caught up with the log (including other writers). */
  view(): Promise<EngineView>;
  /** The inline read models, caught up: the CMDB and the project's transition readiness now. */
  readModels(): Promise<{ readonly cmdb: Cmdb; readonly readiness: Readiness | undefined }>;
  /** The log, decoded with the processes' catalogue. */
  log(): AsyncIterable<RecordedEvent>;
  readonly store: EventStore;
  readonly catalogue: EventCatalogue;
  readonly policy: HandoverPolicy;
  close(): Promise<void>;
}

/**
 * Creates an embedded Handover over a store (default in-memory). An existing log is
 * replayed into the inline read models on first use, so a Handover built over a store
 * answers exactly as the one that wrote it.
 */
export function createHandover(options: HandoverOptions = {}): Handover {
  const policy = organisationPolicy(options.policy);
  const models = createInlineReadModels(policy, options.criteria);
  const modules: readonly ProcessModule[] = defaultProcesses(options.readiness ?? inlineReadiness(models));
  const catalogue = createEventCatalogue(...modules.map((module) => module.catalogue));
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createInMemoryEventStore({ clock, ids: options.ids ?? randomIds });
  const view = createEngineView(modules);
  const log = (): AsyncIterable<RecordedEvent> => decodeLog(catalogue, store.readAll());

  const catchUp = async (): Promise<void> => {
    const fresh: RecordedEvent[] = [];
    for await (const event of decodeLog(catalogue, store.readAll({ fromPosition: view.position + 1 }))) fresh.push(event);
    if (fresh.length > 100) view.replay(fresh);
    else view.apply(fresh);
    models.apply(fresh);
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    store,
    catalogue,
    policy,
    log,
    view: () => serialised(async () => {
      await catchUp();
      return view;
    }),
    readModels: () => serialised(async () => {
      await catchUp();
      const project = projectState(view);
      return { cmdb: models.cmdb(), readiness: project === undefined ? undefined : models.readiness(project.projectId) };
    }),
    execute: (command, executeOptions) =>
      serialised(() => executeCommand({ modules, store, view, catchUp, log, policy, clock, maxRetries: options.maxRetries ?? 3 }, command, executeOptions)),
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
