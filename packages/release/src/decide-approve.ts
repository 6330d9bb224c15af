import { right } from "fp-ts/lib/Either.js";
import { optional, stamp, type ReleaseCommandHandler } from "./decide-support.js";
import { latestBuild } from "./queries.js";

/**
 * Approves the release at its latest build. Whether it may (its changes authorised, its
 * last iteration passed, an approver who holds the change manager role and neither planned
 * nor built it) are release management's rules, judged on the approval by `releaseRules`.
 */
export const approveRelease: ReleaseCommandHandler<"release.approve"> = (command, release, facts) =>
  right([{ type: "release.approved", data: { ...stamp(release.releaseId, facts), build: latestBuild(release)?.number ?? 1, ...optional("comment", command.comment) } }]);
