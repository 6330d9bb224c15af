import type { ChangeId, IncidentId, ReleaseId } from "@handover/itil";
import type { ReleaseStatus } from "./lifecycle.js";
import type { DeploymentEnvironment, ReleasedCi, RuleFinding } from "./values.js";

/** A build of the release. */
export interface ReleaseBuild {
  readonly number: number;
  readonly artifact: string;
  readonly checksum: string;
  readonly by: string;
  readonly at: string;
}

/** A test iteration and its result. */
export interface TestIteration {
  readonly number: number;
  readonly build: number;
  readonly environment: string;
  readonly startedAt: string;
  readonly startedBy: string;
  readonly result: "running" | "passed" | "failed";
  readonly failedCases: readonly string[];
  readonly incidentIds: readonly IncidentId[];
  readonly endedAt: string | undefined;
}

/** The approval of a release. */
export interface ReleaseApproval {
  readonly by: string;
  readonly at: string;
  readonly build: number;
  readonly findings: readonly RuleFinding[];
}

/** A deployment of the release to an environment. */
export interface ReleaseDeployment {
  readonly environment: DeploymentEnvironment;
  readonly build: number;
  readonly at: string;
  readonly by: string;
}

/** A release, rebuilt from its events. */
export interface ReleaseState {
  readonly status: ReleaseStatus;
  readonly releaseId: ReleaseId | undefined;
  readonly version: string;
  readonly name: string;
  readonly changeIds: readonly ChangeId[];
  readonly cis: readonly ReleasedCi[];
  readonly backOutPlan: string | undefined;
  /** The release manager who planned it. */
  readonly plannedBy: string | undefined;
  readonly plannedAt: string | undefined;
  readonly builds: readonly ReleaseBuild[];
  readonly iterations: readonly TestIteration[];
  readonly approval: ReleaseApproval | undefined;
  readonly deployments: readonly ReleaseDeployment[];
  readonly rollback: { readonly reason: string; readonly at: string; readonly by: string } | undefined;
  readonly closedAt: string | undefined;
}

/** A release that was planned: the fields every later command relies on are present. */
export type PlannedRelease = ReleaseState & { readonly releaseId: ReleaseId; readonly plannedBy: string };

/** The state of a release not planned yet. */
export const initialReleaseState: ReleaseState = {
  status: "none",
  releaseId: undefined,
  version: "",
  name: "",
  changeIds: [],
  cis: [],
  backOutPlan: undefined,
  plannedBy: undefined,
  plannedAt: undefined,
  builds: [],
  iterations: [],
  approval: undefined,
  deployments: [],
  rollback: undefined,
  closedAt: undefined,
};

/** The release as a planned release, or undefined while it has not been planned. */
export function plannedRelease(state: ReleaseState): PlannedRelease | undefined {
  const { releaseId, plannedBy } = state;
  if (state.status === "none" || releaseId === undefined || plannedBy === undefined) return undefined;
  return { ...state, releaseId, plannedBy };
}
