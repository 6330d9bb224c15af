import type { Lifecycle } from "@handover/core";
import type { ReleaseCommandType } from "./commands.js";
import type { ReleaseEventType } from "./events.js";

/** The states of a release; `none` is a release not planned yet. */
export const RELEASE_STATUSES = [
  "none",
  "planned",
  "built",
  "testing",
  "test_passed",
  "test_failed",
  "approved",
  "deployed",
  "rolled_back",
  "closed",
] as const;
/** A state of a release. */
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** What moves a release: one stimulus per command. */
export type ReleaseStimulus =
  | "plan"
  | "build"
  | "start_test"
  | "pass_test"
  | "fail_test"
  | "approve"
  | "deploy"
  | "roll_back"
  | "close"
  | "document_back_out_plan";

/** The stimulus each command is looked up by in the lifecycle table. */
export const releaseStimulusOf: Readonly<Record<ReleaseCommandType, ReleaseStimulus>> = {
  "release.plan": "plan",
  "release.build": "build",
  "release.start_test_iteration": "start_test",
  "release.pass_test_iteration": "pass_test",
  "release.fail_test_iteration": "fail_test",
  "release.approve": "approve",
  "release.deploy": "deploy",
  "release.roll_back": "roll_back",
  "release.close": "close",
  "release.document_back_out_plan": "document_back_out_plan",
};

/**
 * The release lifecycle. A failed iteration accepts only a new build (and approval, which
 * the `release_tested` rule then refuses unless the policy records it); a passed iteration
 * may be followed by another iteration, a new build or approval; an approved release is
 * deployed, environment by environment, then closed or, from production, rolled back.
 * The back-out plan may be written down at any point before the release is rolled back or closed.
 */
export const releaseLifecycle: Lifecycle<ReleaseStatus, ReleaseStimulus> = {
  none: { plan: "planned" },
  planned: { build: "built", document_back_out_plan: "planned" },
  built: { build: "built", start_test: "testing", approve: "approved", document_back_out_plan: "built" },
  testing: { pass_test: "test_passed", fail_test: "test_failed", document_back_out_plan: "testing" },
  test_passed: { build: "built", start_test: "testing", approve: "approved", document_back_out_plan: "test_passed" },
  test_failed: { build: "built", approve: "approved", document_back_out_plan: "test_failed" },
  approved: { deploy: "deployed", document_back_out_plan: "approved" },
  deployed: { deploy: "deployed", roll_back: "rolled_back", close: "closed", document_back_out_plan: "deployed" },
  rolled_back: { close: "closed" },
  closed: {},
};

/** The stimulus each event answers to in the table. */
const STIMULUS_OF_EVENT: Readonly<Record<ReleaseEventType, ReleaseStimulus>> = {
  "release.planned": "plan",
  "release.built": "build",
  "release.test_iteration_started": "start_test",
  "release.test_iteration_passed": "pass_test",
  "release.test_iteration_failed": "fail_test",
  "release.approved": "approve",
  "release.deployed": "deploy",
  "release.rolled_back": "roll_back",
  "release.closed": "close",
  "release.back_out_plan_documented": "document_back_out_plan",
};

/** Where an event lands when the table does not accept it (imported history); a back-out plan moves nothing. */
const LANDING: Readonly<Record<ReleaseStimulus, ReleaseStatus | undefined>> = {
  plan: "planned",
  build: "built",
  start_test: "testing",
  pass_test: "test_passed",
  fail_test: "test_failed",
  approve: "approved",
  deploy: "deployed",
  roll_back: "rolled_back",
  close: "closed",
  document_back_out_plan: undefined,
};

/** The state an event leaves a release in: where the table says, or (for imported history it refuses) where the event lands. */
export function statusAfter(status: ReleaseStatus, type: ReleaseEventType): ReleaseStatus {
  const stimulus = STIMULUS_OF_EVENT[type];
  const row: Partial<Record<ReleaseStimulus, ReleaseStatus>> = releaseLifecycle[status];
  return row[stimulus] ?? LANDING[stimulus] ?? status;
}
