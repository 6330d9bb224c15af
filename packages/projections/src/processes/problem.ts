import { implementedSuccessfully, type ChangeState } from "@handover/change";
import { problemProcess } from "@handover/problem";
import { problemTrimming } from "../history/retention.js";
import { updateProblem } from "../readiness/update-work.js";
import type { WiringOf } from "./wiring.js";

/** Problem management, wired: a resolution's rule reads the change it names from change management, as it stood then. */
export const problemWiring: WiringOf<typeof problemProcess> = {
  descriptor: problemProcess,
  deciderFacts: (_model, _command, context) => context,
  ruleFacts: (model, event, _state, context) => {
    if (event.type !== "problem.resolved") return context;
    const change = model.history.aggregates.of("change").get(event.data.changeId)?.state as ChangeState | undefined;
    if (change === undefined) return context;
    const resolvingChange = {
      changeId: event.data.changeId,
      status: change.status,
      implementedSuccessfully: implementedSuccessfully(change),
      ...(change.implementation?.outcome === undefined ? {} : { outcome: change.implementation.outcome }),
    };
    return { ...context, resolvingChange };
  },
  readiness: (model, problemId, event) => updateProblem(model, problemId, event),
  trimming: problemTrimming,
};
