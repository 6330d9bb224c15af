import { left, right } from "fp-ts/lib/Either.js";
import type { ReleaseCommandOf } from "./commands.js";
import { optional, stamp, type ReleaseCommandHandler, type ReleaseDecision } from "./decide-support.js";
import { releaseErrors } from "./errors.js";
import type { ReleaseFacts } from "./facts.js";
import { latestBuild, lastTestIteration } from "./queries.js";
import type { ReleaseState } from "./state.js";

/** Plans a release; `by` becomes its release manager. */
export function planRelease(command: ReleaseCommandOf<"release.plan">, state: ReleaseState, facts: ReleaseFacts): ReleaseDecision {
  if (state.status !== "none") return left(releaseErrors.exists(command.releaseId, state.status));
  return right([
    {
      type: "release.planned",
      data: {
        ...stamp(command.releaseId, facts),
        version: command.version,
        name: command.name,
        changeIds: [...command.changeIds],
        cis: command.cis.map((ci) => ({ ...ci })),
        ...optional("backOutPlan", command.backOutPlan),
      },
    },
  ]);
}

/** Records the next build. */
export const buildRelease: ReleaseCommandHandler<"release.build"> = (command, release, facts) =>
  right([
    {
      type: "release.built",
      data: { ...stamp(release.releaseId, facts), build: (latestBuild(release)?.number ?? 0) + 1, artifact: command.artifact, checksum: command.checksum },
    },
  ]);

/** Writes down or replaces the back-out plan. */
export const documentBackOutPlan: ReleaseCommandHandler<"release.document_back_out_plan"> = (command, release, facts) =>
  right([{ type: "release.back_out_plan_documented", data: { ...stamp(release.releaseId, facts), backOutPlan: command.backOutPlan } }]);

/** Starts the next test iteration on the latest build. */
export const startTestIteration: ReleaseCommandHandler<"release.start_test_iteration"> = (command, release, facts) => {
  const build = latestBuild(release)?.number ?? 1;
  const iteration = (lastTestIteration(release)?.number ?? 0) + 1;
  return right([{ type: "release.test_iteration_started", data: { ...stamp(release.releaseId, facts), iteration, build, environment: command.environment } }]);
};

/** Records that the running iteration passed. */
export const passTestIteration: ReleaseCommandHandler<"release.pass_test_iteration"> = (command, release, facts) =>
  right([
    {
      type: "release.test_iteration_passed",
      data: { ...stamp(release.releaseId, facts), iteration: lastTestIteration(release)?.number ?? 1, ...optional("notes", command.notes) },
    },
  ]);

/** Records that the running iteration failed, with its failed cases and incidents. */
export const failTestIteration: ReleaseCommandHandler<"release.fail_test_iteration"> = (command, release, facts) =>
  right([
    {
      type: "release.test_iteration_failed",
      data: {
        ...stamp(release.releaseId, facts),
        iteration: lastTestIteration(release)?.number ?? 1,
        failedCases: [...command.failedCases],
        incidentIds: [...command.incidentIds],
      },
    },
  ]);
