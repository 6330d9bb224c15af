import type { RecordedEvent } from "@handover/core";
import { defaultPolicy, type HandoverPolicy, type ProjectPhase } from "@handover/itil";
import { effectivePolicy, type ProjectState } from "@handover/project";
import { applyToCmdb } from "../cmdb/apply.js";
import { createCmdbState, type CmdbState } from "../cmdb/state.js";
import { wiringNamed, wiringOfType, type ProcessName } from "../event-kinds.js";
import type { AnyWiring } from "../processes/wiring.js";
import { applyToAggregates, createAggregates, type Aggregates, type SpillOptions, type Tracked } from "./aggregates.js";
import type { Retention } from "./retention.js";

/** One aggregate as the history holds it now: its state and the version of its stream. */
export interface AggregateNow {
  readonly state: unknown;
  readonly version: number;
}

/**
 * Everything a replay knows at a point of the log, the one model of state: the CMDB (the
 * configuration aggregates), every other aggregate, and the project whose phase and policy
 * apply (one log per project: the project asked for, else the first one started in the log).
 */
export interface History {
  readonly cmdb: CmdbState;
  readonly aggregates: Aggregates;
  /** Applies one event to the CMDB and the aggregates (`wiring`: the event's process, when the caller has looked it up). */
  apply(event: RecordedEvent, wiring?: AnyWiring): void;
  /** The state and stream version of one aggregate (a CI: its CMDB record), or undefined before its first event. */
  aggregate(process: ProcessName, id: string): AggregateNow | undefined;
  /** The project the rules follow, once it has started. */
  project(): Tracked<ProjectState> | undefined;
  /** The project's phase now (initiation before it starts). */
  phase(): ProjectPhase;
  /** The project's policy now: the organisation's policy with the project's overrides (the organisation's alone before it starts, or if the overrides no longer apply). */
  policy(): HandoverPolicy;
}

/** What a history keeps and whether it hands its states out (then they are sealed before they leave). */
export interface HistoryOptions {
  readonly retention?: Retention;
  readonly handsOut?: boolean;
  /** Where finished work items are kept instead of in memory (see `Aggregates.spillFinished`): whole, or as `readiness` retention trims them; never in a history that hands its states out. */
  readonly spill?: SpillOptions;
}

/**
 * Starts a replay under an organisation's policy (the default policy of docs/policy.md unless
 * given), following one project or the first one started; `retention` says what it keeps of
 * finished work items (everything unless told `readiness`).
 */
export function createHistory(organisationPolicy: HandoverPolicy = defaultPolicy, projectId?: string, retention: Retention | HistoryOptions = "everything"): History {
  const options: HistoryOptions = typeof retention === "string" ? { retention } : retention;
  const cmdb = createCmdbState();
  const aggregates = createAggregates(options.retention ?? "everything", options.handsOut === true, options.spill);
  let memo: { overrides: unknown; policy: HandoverPolicy } | undefined;
  const projects = aggregates.of("project");
  const project = (): Tracked<ProjectState> | undefined => (projectId === undefined ? projects.values().next().value : projects.get(projectId));
  return {
    cmdb,
    aggregates,
    apply(event, wiring = wiringOfType(event.type)) {
      applyToAggregates(aggregates, event, wiring);
      applyToCmdb(cmdb, event, wiring?.inCmdb === true);
    },
    aggregate(process, id) {
      if (wiringNamed(process)?.inCmdb !== true) return aggregates.of(process).get(id);
      const record = cmdb.cis.get(id);
      return record === undefined ? undefined : { state: record, version: record.version };
    },
    project,
    phase: () => project()?.state.phase ?? "initiation",
    policy() {
      const state = project()?.state;
      if (state === undefined || state.status === "none") return organisationPolicy;
      if (memo?.overrides !== state.policy) {
        const resolved = effectivePolicy(state, organisationPolicy);
        memo = { overrides: state.policy, policy: resolved._tag === "Right" ? resolved.right : organisationPolicy };
      }
      return memo.policy;
    },
  };
}
