import { coverageWindow, isChangeAuthorised, type ChangeState } from "@handover/change";
import { releaseProcess, type ReleaseChangeFact } from "@handover/release";
import { releaseTrimming } from "../history/retention.js";
import { updateRelease } from "../readiness/update-work.js";
import type { WiringOf } from "./wiring.js";

/** Release management, wired: its rules read the state of each change the release bundles, as it stood at the event. */
export const releaseWiring: WiringOf<typeof releaseProcess> = {
  descriptor: releaseProcess,
  deciderFacts: (_model, _command, context) => context,
  ruleFacts: (model, _event, state, context) => {
    const changes: Record<string, ReleaseChangeFact> = {};
    for (const changeId of state.changeIds) {
      const change = model.history.aggregates.of("change").get(changeId)?.state as ChangeState | undefined;
      if (change === undefined) continue;
      const window = coverageWindow(change);
      changes[changeId] = { status: change.status, authorised: isChangeAuthorised(change), ...(window === undefined ? {} : { window }) };
    }
    return { ...context, changes };
  },
  readiness: (model, releaseId) => updateRelease(model, releaseId),
  trimming: releaseTrimming,
};
