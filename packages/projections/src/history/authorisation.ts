import type { ChangeState } from "@handover/change";
import { whyNotAuthorised, type ConfigurationEvent } from "@handover/configuration";
import type { RecordedEvent } from "@handover/core";
import { namedChangeVerdict } from "../processes/configuration.js";

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
 * of the log (the caller replays changes in log order), whether or not change control
 * applied: with configuration's `whyNotAuthorised` and change management's `coverageOf`,
 * the same answer the `ci_change_authorised` rule gives.
 */
export function judgeCiChange(event: RecordedEvent<ConfigurationEvent>, changes: ReadonlyMap<string, { readonly state: ChangeState }>): CiChangeJudgement {
  const { ciId, at, changeControl } = event.data;
  const changeId = changeControl.changeId;
  const verdict = changeId === undefined ? undefined : namedChangeVerdict(changes, changeId, ciId, at);
  const gap = whyNotAuthorised(event, verdict);
  const named = changeId === undefined ? {} : { changeId };
  if (gap === undefined) return { authorised: true, ...named, reason: `change ${changeId ?? ""} authorises ${ciId} at ${at}` };
  return { authorised: false, ...named, reason: gap === "no change is named" ? `no change is named for ${ciId}` : gap };
}
