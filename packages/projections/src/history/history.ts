import type { RecordedEvent } from "@handover/core";
import { defaultPolicy, type HandoverPolicy, type ProjectPhase } from "@handover/itil";
import { effectivePolicy, type ProjectState } from "@handover/project";
import { applyToCmdb } from "../cmdb/apply.js";
import { processOf, type ProcessName } from "../event-kinds.js";
import { createCmdbState, type CmdbState } from "../cmdb/state.js";
import { applyToAggregates, createAggregates, type Aggregates, type Tracked } from "./aggregates.js";
import type { Retention } from "./retention.js";

/**
 * Everything a replay knows at a point of the log: the CMDB, every other aggregate, and
 * the project whose phase and policy apply (one log per project: the project asked for,
 * else the first one started in the log).
 */
export interface History {
  readonly cmdb: CmdbState;
  readonly aggregates: Aggregates;
  /** Applies one event to the CMDB and the aggregates (`process`: the event's, when the caller has looked it up). */
  apply(event: RecordedEvent, process?: ProcessName): void;
  /** The project the rules follow, once it has started. */
  project(): Tracked<ProjectState> | undefined;
  /** The project's phase now (initiation before it starts). */
  phase(): ProjectPhase;
  /** The project's policy now: the organisation's policy with the project's overrides (the organisation's alone before it starts, or if the overrides no longer apply). */
  policy(): HandoverPolicy;
}

/**
 * Starts a replay under an organisation's policy (DESIGN.md's defaults unless given),
 * following one project or the first one started; `retention` says what it keeps of
 * finished work items (everything unless told `readiness`).
 */
export function createHistory(organisationPolicy: HandoverPolicy = defaultPolicy, projectId?: string, retention: Retention = "everything"): History {
  const cmdb = createCmdbState();
  const aggregates = createAggregates(retention);
  let memo: { overrides: unknown; policy: HandoverPolicy } | undefined;
  const project = (): Tracked<ProjectState> | undefined =>
    projectId === undefined ? aggregates.projects.values().next().value : aggregates.projects.get(projectId);
  return {
    cmdb,
    aggregates,
    apply(event, process = processOf(event.type)) {
      applyToAggregates(aggregates, event, process);
      applyToCmdb(cmdb, event, process);
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
