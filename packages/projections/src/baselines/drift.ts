import type { RecordedEvent } from "@handover/core";
import { applyToCmdb } from "../cmdb/apply.js";
import { createCmdbState, type CmdbState } from "../cmdb/state.js";
import { isConfigurationEvent } from "../event-kinds.js";
import { deepFreeze } from "../freeze.js";
import { applyToAggregates, createAggregates } from "../history/aggregates.js";
import { judgeCiChange } from "../history/authorisation.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import { compareText, inBaselineScope, itemOf, type BaselineContents, type BaselineItem } from "./contents.js";
import { diffBaselines } from "./diff.js";
import { differencesOf, type DriftDifference } from "./differences.js";
import { Touches } from "./touches.js";

/** How far the CMDB has moved from a baseline: every difference (no cap), with counts. */
export interface Drift {
  readonly baseline: { readonly name: string; readonly projectId: string; readonly position: number };
  /** The last log position read. */
  readonly position: number;
  readonly differences: readonly DriftDifference[];
  readonly authorised: number;
  readonly unauthorised: number;
}

/** The CMDB's items a baseline is compared with: the CIs it holds, and CIs in its scope that are not retired. */
function currentItems(state: CmdbState, contents: BaselineContents): BaselineItem[] {
  const held = new Set(contents.cis.map((item) => item.ciId));
  const items: BaselineItem[] = [];
  for (const ci of state.cis.values()) {
    if (held.has(ci.ciId) || (ci.status !== "retired" && inBaselineScope(contents.scope, ci))) items.push(itemOf(ci));
  }
  return items.sort((a, b) => compareText(a.ciId, b.ciId));
}

/**
 * Drift of the CMDB from a baseline, as of a time, a recorded time or a position: every CI
 * added or removed, field and attribute changed (old → new), relationship added or removed,
 * each with the events after the baseline that made it as evidence, each judged against the
 * change it names as that change stood at the time (change management's `changeAuthorises`).
 */
export function drift<L extends Log>(contents: BaselineContents, log: L, options: ReadOptions = {}): Answer<L, Drift> {
  const cmdb = createCmdbState();
  const aggregates = createAggregates();
  const touches = new Touches();
  const visit = (event: RecordedEvent): void => {
    if (event.position > contents.position && isConfigurationEvent(event)) touches.add(event, judgeCiChange(event, aggregates.of("change")));
    applyToAggregates(aggregates, event);
    applyToCmdb(cmdb, event);
  };
  const finish = (): Drift => {
    const differences = differencesOf(diffBaselines(contents, { cis: currentItems(cmdb, contents) }), touches);
    const authorised = differences.filter((difference) => difference.authorised).length;
    const baseline = { name: contents.name, projectId: contents.projectId, position: contents.position };
    return deepFreeze({ baseline, position: cmdb.position, differences, authorised, unauthorised: differences.length - authorised });
  };
  return scanLog(log, logRangeOf(options), visit, finish);
}
