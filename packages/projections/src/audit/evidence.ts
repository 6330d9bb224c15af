import type { RecordedEvent } from "@handover/core";
import type { Breach } from "@handover/itil";
import { readinessOf } from "../readiness/evaluate.js";
import type { ReadinessState } from "../readiness/state.js";

/**
 * The positions that show a breach found by replay, besides the event that broke it: the
 * named change for CI change control, the project's latest event (its phase) for the phase
 * gate, the change's raising for an emergency closed unreviewed, the failing checks'
 * evidence for a sign-off. Read before the event is applied.
 */
export function evidenceOf(breach: Breach, event: RecordedEvent, model: ReadinessState): readonly number[] {
  const data = event.data as { readonly changeControl?: { readonly changeId?: string }; readonly changeId?: string; readonly projectId?: string };
  switch (breach.rule) {
    case "ci_change_authorised": {
      const changeId = data.changeControl?.changeId;
      const change = changeId === undefined ? undefined : model.history.aggregates.of("change").get(changeId);
      return change === undefined ? [] : [change.lastPosition];
    }
    case "phase_gate": {
      const project = model.history.project();
      return project === undefined ? [] : [project.lastPosition];
    }
    case "emergency_review": {
      const change = data.changeId === undefined ? undefined : model.history.aggregates.of("change").get(data.changeId);
      return change === undefined ? [] : [change.firstPosition];
    }
    case "signoff_readiness": {
      if (data.projectId === undefined) return [];
      const failing = readinessOf(model, data.projectId).checks.filter((check) => check.status === "fail");
      return [...new Set(failing.flatMap((check) => check.evidence))].sort((a, b) => a - b);
    }
    default:
      return [];
  }
}
