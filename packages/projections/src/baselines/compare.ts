import type { RecordedEvent } from "@handover/core";
import { isConfigurationEvent } from "../event-kinds.js";
import { deepFreeze } from "../freeze.js";
import { applyToAggregates, createAggregates } from "../history/aggregates.js";
import { judgeCiChange } from "../history/authorisation.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import type { BaselineContents } from "./contents.js";
import { diffBaselines, type BaselineDiff } from "./diff.js";
import { differencesOf, type DriftDifference } from "./differences.js";
import { Touches } from "./touches.js";

/** A baseline as a comparison names it. */
export interface BaselineRef {
  readonly name: string;
  readonly projectId: string;
  readonly position: number;
}

/** Two baselines compared: the structural diff, and every difference tagged authorised or not with the events between the two as evidence. */
export interface BaselineComparison {
  readonly from: BaselineRef;
  readonly to: BaselineRef;
  /** What differs, from `from` to `to` (what `applyBaselineDiff` takes). */
  readonly diff: BaselineDiff;
  readonly differences: readonly DriftDifference[];
  readonly authorised: number;
  readonly unauthorised: number;
}

const refOf = (contents: BaselineContents): BaselineRef => ({ name: contents.name, projectId: contents.projectId, position: contents.position });

/**
 * Compares two baselines of a log (issue 6's `diffBaselines(a, b)` with its verdicts): every
 * CI added or removed, field and attribute changed (old → new), relationship added or removed,
 * each tagged authorised when every configuration event between the two baselines that made
 * it was made under an authorised change naming the CI, inside its window (judged as the
 * change stood then), with those events' positions as evidence. Reads the log up to the later
 * baseline, in the view the baselines were read in (`asOf`, `knownAt`: an event outside it is
 * no evidence); no cap on the number of differences. A difference no event made (the two
 * baselines' scopes differ) has no evidence and does not count as authorised.
 */
export function compareBaselines<L extends Log>(from: BaselineContents, to: BaselineContents, log: L, options: ReadOptions = {}): Answer<L, BaselineComparison> {
  const after = Math.min(from.position, to.position);
  const upTo = Math.max(from.position, to.position);
  const aggregates = createAggregates();
  const touches = new Touches();
  const visit = (event: RecordedEvent): void => {
    if (event.position > after && isConfigurationEvent(event)) touches.add(event, judgeCiChange(event, aggregates.of("change")));
    applyToAggregates(aggregates, event);
  };
  const finish = (): BaselineComparison => {
    const diff = diffBaselines(from, to);
    const differences = differencesOf(diff, touches);
    const authorised = differences.filter((difference) => difference.authorised).length;
    return deepFreeze({ from: refOf(from), to: refOf(to), diff, differences, authorised, unauthorised: differences.length - authorised });
  };
  const range = logRangeOf(options);
  return scanLog(log, { ...range, toPosition: Math.min(upTo, range.toPosition ?? upTo) }, visit, finish);
}
