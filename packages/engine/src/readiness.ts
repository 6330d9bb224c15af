import { toSignOffReadiness } from "@handover/projections";
import type { InlineReadModels } from "./inline-read-models.js";
import type { ReadinessSource } from "./readiness-source.js";

/**
 * The default readiness source: the projections' transition readiness, kept current by the
 * engine's inline read models (DESIGN.md's checks with the engine's criteria).
 */
export function inlineReadiness(models: InlineReadModels): ReadinessSource {
  return async ({ projectId }) => toSignOffReadiness(models.readiness(projectId));
}
