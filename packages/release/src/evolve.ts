import type { Draft } from "immer";
import type { ReleaseEvent, ReleaseEventOf, ReleaseEventType } from "./events.js";
import { statusAfter } from "./lifecycle.js";
import type { ReleaseState } from "./state.js";

type ReleaseDraft = Draft<ReleaseState>;
type Appliers = { readonly [T in ReleaseEventType]: (draft: ReleaseDraft, event: ReleaseEventOf<T>) => void };

function runningIteration(draft: ReleaseDraft, iteration: number): Draft<ReleaseState["iterations"][number]> | undefined {
  return draft.iterations.find((each) => each.number === iteration);
}

/** How each event type changes a release. */
const appliers: Appliers = {
  "release.planned": (draft, { data }) => {
    draft.releaseId = data.releaseId;
    draft.version = data.version;
    draft.name = data.name;
    draft.changeIds = [...data.changeIds];
    draft.cis = data.cis.map((ci) => ({ ...ci }));
    draft.backOutPlan = data.backOutPlan;
    draft.plannedBy = data.by;
    draft.plannedAt = data.at;
  },
  "release.built": (draft, { data }) => {
    draft.builds.push({ number: data.build, artifact: data.artifact, checksum: data.checksum, by: data.by, at: data.at });
  },
  "release.test_iteration_started": (draft, { data }) => {
    draft.iterations.push({
      number: data.iteration,
      build: data.build,
      environment: data.environment,
      startedAt: data.at,
      startedBy: data.by,
      result: "running",
      failedCases: [],
      incidentIds: [],
      endedAt: undefined,
    });
  },
  "release.test_iteration_passed": (draft, { data }) => {
    const iteration = runningIteration(draft, data.iteration);
    if (iteration === undefined) return;
    iteration.result = "passed";
    iteration.endedAt = data.at;
  },
  "release.test_iteration_failed": (draft, { data }) => {
    const iteration = runningIteration(draft, data.iteration);
    if (iteration === undefined) return;
    iteration.result = "failed";
    iteration.failedCases = [...data.failedCases];
    iteration.incidentIds = [...data.incidentIds];
    iteration.endedAt = data.at;
  },
  "release.approved": (draft, { data }) => {
    draft.approval = { by: data.by, at: data.at, build: data.build, findings: (data.findings ?? []).map((finding) => ({ ...finding })) };
  },
  "release.deployed": (draft, { data }) => {
    draft.deployments.push({ environment: data.environment, build: data.build, at: data.at, by: data.by });
  },
  "release.rolled_back": (draft, { data }) => {
    draft.rollback = { reason: data.reason, at: data.at, by: data.by };
  },
  "release.closed": (draft, { data }) => {
    draft.closedAt = data.at;
  },
  "release.back_out_plan_documented": (draft, { data }) => {
    draft.backOutPlan = data.backOutPlan;
  },
};

/** Applies one release event to a draft of the release: its data, then the state the lifecycle table gives (`statusAfter`). */
export function evolveRelease(draft: ReleaseDraft, event: ReleaseEvent): void {
  const next = statusAfter(draft.status, event.type);
  // The table is indexed by the event's own type, so the applier matches the event.
  const apply = appliers[event.type] as (draft: ReleaseDraft, event: ReleaseEvent) => void;
  apply(draft, event);
  draft.status = next;
}
