import type { CiId } from "@handover/itil";
import { projectProcess, type ProjectCi, type TransitionReadiness } from "@handover/project";
import { readinessOf, toSignOffReadiness } from "../readiness/evaluate.js";
import type { ReadinessState } from "../readiness/state.js";
import { updateProductionBaseline } from "../readiness/update-cis.js";
import { recordAgreement } from "../readiness/update-work.js";
import type { WiringOf } from "./wiring.js";

/** Every CI of the project as the CMDB holds it now: type, status and stream version (what a baseline records). */
function projectCis(model: ReadinessState): ProjectCi[] {
  return [...model.history.cmdb.cis.values()].map((ci) => ({ ciId: ci.ciId as CiId, ciType: ci.ciType, status: ci.status, version: ci.version }));
}

/** Transition readiness now, as a sign-off reads and records it: the model's own readiness under its criteria. */
export function signOffReadiness(model: ReadinessState, projectId: string): TransitionReadiness {
  return toSignOffReadiness(readinessOf(model, projectId, model.criteria));
}

const NOT_ASKED: TransitionReadiness = { ready: true, failing: [] };
const NO_STATUS_ASKED = (): undefined => undefined;

/**
 * The project, wired: a baseline reads every CI from the CMDB; a sign-off reads readiness
 * from the model itself (no wiring needed), for its decider and for its rules alike.
 */
export const projectWiring: WiringOf<typeof projectProcess> = {
  descriptor: projectProcess,
  deciderFacts: (model, command, context) => {
    if (command.type === "project.take_baseline") return { ...context, cis: projectCis(model) };
    if (command.type === "project.sign_off_transition") return { ...context, readiness: signOffReadiness(model, command.projectId) };
    return context;
  },
  // Only a sign-off's rules read readiness and only a baseline's read CI statuses; other project events are given facts nobody reads, so replay does not evaluate them per event.
  ruleFacts: (model, event, _state, context) => ({
    ...context,
    readiness: event.type === "project.transition_signed_off" ? signOffReadiness(model, event.data.projectId) : NOT_ASKED,
    ciStatus: event.type === "project.baseline_taken" ? (ciId: string) => model.history.cmdb.cis.get(ciId)?.status : NO_STATUS_ASKED,
  }),
  readiness: (model, _projectId, event) => {
    updateProductionBaseline(model, event);
    recordAgreement(model, event);
  },
};
