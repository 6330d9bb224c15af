import type { RecordedEvent } from "@handover/core";
import type { HandoverPolicy } from "@handover/itil";
import {
  applyToReadiness,
  cmdbOf,
  createHistory,
  createReadinessState,
  readinessOf,
  type Cmdb,
  type Readiness,
  type ReadinessCriteria,
} from "@handover/projections";

/** The read models the engine keeps current after every append: the CMDB and transition readiness. */
export interface InlineReadModels {
  /** Applies events in position order; cheap per event (the projections mutate in place). */
  apply(events: readonly RecordedEvent[]): void;
  /** The CMDB now, frozen. */
  cmdb(): Cmdb;
  /** Transition readiness of the project now. */
  readiness(projectId: string): Readiness;
}

/** Creates the inline read models over the organisation's policy, with the readiness criteria to apply. */
export function createInlineReadModels(policy: HandoverPolicy, criteria?: ReadinessCriteria): InlineReadModels {
  const state = createReadinessState(createHistory(policy));
  return {
    apply(events) {
      for (const event of events) applyToReadiness(state, event);
    },
    cmdb: () => cmdbOf(state.history.cmdb),
    readiness: (projectId) => readinessOf(state, projectId, criteria),
  };
}
