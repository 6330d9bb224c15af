import { changeAuthorises, changeCoverage, type ChangeState } from "@handover/change";
import type { ConfigurationEvent } from "@handover/configuration";
import type { RecordedEvent } from "@handover/core";
import type { CiId } from "@handover/itil";
import type { Tracked } from "./aggregates.js";

/** Whether a change to a CI was made under an authorised change that names it, inside its window, and why not. */
export interface CiChangeJudgement {
  readonly authorised: boolean;
  /** The change the event names, if any. */
  readonly changeId?: string;
  /** One sentence: what authorised it, or what was missing. */
  readonly reason: string;
}

/**
 * Judges a configuration event by the change it names, as that change stood at this point
 * of the log (the caller replays changes in log order): authorised when change
 * management's `changeAuthorises` says the change covers the CI at the event's business time.
 */
export function judgeCiChange(event: RecordedEvent<ConfigurationEvent>, changes: ReadonlyMap<string, Tracked<ChangeState>>): CiChangeJudgement {
  const { ciId, at, changeControl } = event.data;
  const changeId = changeControl.changeId;
  if (changeId === undefined) return { authorised: false, reason: `no change is named for ${ciId}` };
  const change = changes.get(changeId)?.state;
  if (change === undefined) return { authorised: false, changeId, reason: `change ${changeId} is not in the log before this event` };
  if (changeAuthorises(change, ciId as CiId, at)) return { authorised: true, changeId, reason: `change ${changeId} authorises ${ciId} at ${at}` };
  return { authorised: false, changeId, reason: whyNot(change, changeId, ciId, at) };
}

function whyNot(change: ChangeState, changeId: string, ciId: string, at: string): string {
  const coverage = changeCoverage(change);
  if (coverage === undefined || !coverage.authorised) return `change ${changeId} is ${change.status}, not an authorisation in force`;
  if (!coverage.ciIds.includes(ciId as CiId)) return `change ${changeId} does not name ${ciId} (it names ${coverage.ciIds.join(", ") || "no CI"})`;
  if (coverage.window === undefined) return `change ${changeId} has no implementation window`;
  return `the window of change ${changeId} (${coverage.window.start} to ${coverage.window.end}) does not contain ${at}`;
}
