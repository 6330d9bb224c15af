import { transition, type Decider, type DomainError } from "@handover/core";
import { left } from "fp-ts/lib/Either.js";
import type { ReleaseCommand } from "./commands.js";
import { approveRelease } from "./decide-approve.js";
import { buildRelease, documentBackOutPlan, failTestIteration, passTestIteration, planRelease, startTestIteration } from "./decide-build.js";
import { closeRelease, deployRelease, rollBackRelease } from "./decide-deploy.js";
import type { LaterReleaseCommand, ReleaseDecision } from "./decide-support.js";
import { releaseErrors, releaseLabel } from "./errors.js";
import type { ReleaseEvent } from "./events.js";
import { evolveRelease } from "./evolve.js";
import type { ReleaseFacts } from "./facts.js";
import { releaseLifecycle, releaseStimulusOf } from "./lifecycle.js";
import { awaitsApproval, lastTestIteration } from "./queries.js";
import { initialReleaseState, plannedRelease, type PlannedRelease, type ReleaseState } from "./state.js";

/** Refusals that say more than the table: the next iteration after a failure, and deployment before approval. */
function refusalBeyondTable(command: LaterReleaseCommand, release: PlannedRelease): DomainError | undefined {
  const failed = lastTestIteration(release);
  if (command.type === "release.start_test_iteration" && release.status === "test_failed" && failed !== undefined) {
    return releaseErrors.newBuildRequired(release.releaseId, failed.number, failed.build);
  }
  if (command.type === "release.deploy" && awaitsApproval(release)) return releaseErrors.notApproved(release.releaseId, release.status);
  return undefined;
}

/**
 * Decides a release command: `release.plan` creates the release; every other command names
 * a planned release, is looked up in the lifecycle table, and then meets the rules the
 * table cannot say (approval, production, roll-back).
 */
export function decideRelease(command: ReleaseCommand, state: ReleaseState, facts: ReleaseFacts): ReleaseDecision {
  if (command.type === "release.plan") return planRelease(command, state, facts);
  const release = plannedRelease(state);
  if (release === undefined) return left(releaseErrors.notFound(command.releaseId, command.type));
  if (release.releaseId !== command.releaseId) return left(releaseErrors.idMismatch(release.releaseId, command.releaseId));
  const beyond = refusalBeyondTable(command, release);
  if (beyond !== undefined) return left(beyond);
  const next = transition(releaseLifecycle, releaseLabel(release.releaseId), release.status, releaseStimulusOf[command.type]);
  if (next._tag === "Left") return next;
  return handle(command, release, facts);
}

function handle(command: LaterReleaseCommand, release: PlannedRelease, facts: ReleaseFacts): ReleaseDecision {
  switch (command.type) {
    case "release.build":
      return buildRelease(command, release, facts);
    case "release.start_test_iteration":
      return startTestIteration(command, release, facts);
    case "release.pass_test_iteration":
      return passTestIteration(command, release, facts);
    case "release.fail_test_iteration":
      return failTestIteration(command, release, facts);
    case "release.approve":
      return approveRelease(command, release, facts);
    case "release.deploy":
      return deployRelease(command, release, facts);
    case "release.roll_back":
      return rollBackRelease(command, release, facts);
    case "release.close":
      return closeRelease(command, release, facts);
    case "release.document_back_out_plan":
      return documentBackOutPlan(command, release, facts);
  }
}

/** Release management as a decider: the engine routes `release.*` commands to it with `ReleaseFacts`. */
export const releaseDecider: Decider<ReleaseCommand, ReleaseState, ReleaseEvent, ReleaseFacts> = {
  initialState: initialReleaseState,
  decide: decideRelease,
  evolve: evolveRelease,
};

/** The stream of a release: `release-<id>`. */
export function streamIdOfRelease(releaseId: string): string {
  return `release-${releaseId}`;
}
