import type { TransitionReadiness } from "@handover/project";
import type { ReadinessQuery, ReadinessSource } from "./readiness-source.js";

/**
 * The default readiness source until the projections' transition readiness is wired: not
 * ready, with one failing check saying so, so sign-off needs an explicit override.
 */
export const defaultReadiness: ReadinessSource = async (_query: ReadinessQuery): Promise<TransitionReadiness> => ({
  ready: false,
  failing: [{ check: "readiness", explanation: "transition readiness is not computed by this engine; pass a readiness source" }],
});
