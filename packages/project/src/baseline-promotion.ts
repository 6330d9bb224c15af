import type { CiStatus } from "@handover/itil";
import type { BaselineKind } from "./values.js";

/**
 * The promotion rule of baselines, as data: the CI statuses each kind of baseline covers.
 * A project baseline records the solution as it stands, so it covers every CI in service
 * (planned to in production). A production baseline moves its CIs into production scope,
 * so it covers only CIs that were built and passed into test or production: a CI still
 * planned or in development is not promoted.
 */
export const BASELINE_STATUSES: Readonly<Record<BaselineKind, readonly CiStatus[]>> = {
  project: ["planned", "in_development", "in_test", "in_production"],
  production: ["in_test", "in_production"],
};

/** True when a baseline of that kind may hold a CI in that status (`BASELINE_STATUSES`). */
export function baselineCovers(kind: BaselineKind, status: CiStatus): boolean {
  return BASELINE_STATUSES[kind].includes(status);
}
