import { isChangeAuthorised } from "@handover/change";
import { ReleaseCommand, releaseCatalogue, releaseDecider, streamIdOfRelease, type ReleaseChangeFact, type ReleaseFacts, type ReleaseState } from "@handover/release";
import { right } from "fp-ts/lib/Either.js";
import type { EngineView } from "../engine-view.js";
import { defineProcess } from "../process-module.js";
import { changeStates } from "../view-queries.js";

/** Release management: the engine supplies the state of every change the release bundles. */
export const releaseProcess = defineProcess({
  name: "release",
  commandPrefix: "release",
  streamPrefix: "release",
  commandSchema: ReleaseCommand,
  catalogue: releaseCatalogue,
  decider: releaseDecider,
  streamIdOf: (command) => streamIdOfRelease(command.releaseId),
  gatedProcess: () => "release",
  facts: ({ command, context, view }) => right<never, ReleaseFacts>({ ...context, changes: bundledChanges(view, streamIdOfRelease(command.releaseId)) }),
});

function bundledChanges(view: EngineView, streamId: string): Record<string, ReleaseChangeFact> {
  const release = view.aggregate<ReleaseState>(streamId)?.state;
  const changes = changeStates(view);
  const facts: Record<string, ReleaseChangeFact> = {};
  for (const changeId of release?.changeIds ?? []) {
    const change = changes.get(changeId);
    if (change !== undefined) facts[changeId] = { status: change.status, authorised: isChangeAuthorised(change) };
  }
  return facts;
}
