import { createInMemorySpillStore, inLogRange, type RecordedEvent } from "@handover/core";
import { createHistory, WIRED, type History, type ProcessName } from "@handover/projections";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryHistoryPlan, arbitraryViewOf, historyOf } from "../fixtures/random-history.js";
import { replaySummary, type OpenIncident, type ProcessCount } from "./replay-summary.js";
import { viewRange, type LogView } from "./view.js";

const OPEN = new Set(["new", "assigned", "in_progress", "on_hold"]);

/** The whole history of a view, every item kept: what the summary is judged against. */
function wholeHistory(log: readonly RecordedEvent[], view: LogView): History {
  const history = createHistory();
  for (const event of log) if (inLogRange(event, viewRange(view))) history.apply(event);
  return history;
}

function counted(statuses: readonly string[]): ProcessCount {
  const byState: Record<string, number> = {};
  for (const status of [...statuses].sort()) byState[status] = (byState[status] ?? 0) + 1;
  return { total: statuses.length, byState };
}

/** Counts per state by reading every item at the end, as the summary did before it kept a tally. */
function countsByScan(history: History): Partial<Record<ProcessName, ProcessCount>> {
  const counts: Partial<Record<ProcessName, ProcessCount>> = {};
  for (const { descriptor, inCmdb } of WIRED) {
    const name = descriptor.name as ProcessName;
    if (name === "project") continue;
    const items = inCmdb === true ? [...history.cmdb.cis.values()] : [...history.aggregates.of(name).values()].map((tracked) => tracked.state as { status: string });
    counts[name] = counted(items.map((item) => item.status).filter((status) => status !== "none"));
  }
  return counts;
}

/** The open incidents by reading every incident and every problem, problems in the order they first appeared. */
function openIncidentsByScan(history: History): OpenIncident[] {
  const problems = [...history.aggregates.of("problem").values()].map((tracked) => tracked.state);
  return [...history.aggregates.of("incident").values()]
    .map((tracked) => tracked.state)
    .filter((incident) => OPEN.has(incident.status))
    .map((incident) => ({
      incidentId: incident.incidentId,
      title: incident.title,
      priority: incident.priority,
      status: incident.status,
      assignedTo: incident.assignee ?? incident.group,
      loggedAt: incident.loggedAt,
      ciIds: incident.ciIds,
      problemIds: [...new Set([...incident.problemIds, ...problems.filter((problem) => problem.incidentIds.includes(incident.incidentId)).map((problem) => problem.problemId)])],
    }))
    .sort((a, b) => a.priority - b.priority || (a.incidentId < b.incidentId ? -1 : 1));
}

async function* streamed(log: readonly RecordedEvent[]): AsyncGenerator<RecordedEvent> {
  yield* log;
}

describe("replay's summary", () => {
  it("counts items per state and lists the open incidents as reading every item does, and the same with finished items spilled", async () => {
    let spilledSome = false;
    await fc.assert(
      fc.asyncProperty(arbitraryHistoryPlan, fc.nat({ max: 2 }), fc.integer(), async (plan, keepRecent, seed) => {
        const log = await historyOf(plan);
        const [view] = fc.sample(arbitraryViewOf(log).map(({ asOf, knownAt }) => ({ ...(asOf === undefined ? {} : { asOf }), ...(knownAt === undefined ? {} : { knownAt }) })), { numRuns: 1, seed });
        const shown = view ?? {};
        const summary = await replaySummary(streamed(log), shown, {});
        const whole = wholeHistory(log, shown);
        expect(summary.processes).toEqual(countsByScan(whole));
        expect(summary.openIncidents).toEqual(openIncidentsByScan(whole));
        const spill = createInMemorySpillStore();
        expect(await replaySummary(streamed(log), shown, { spill, spillKeepsRecent: keepRecent })).toEqual(summary);
        spilledSome ||= [...spill.entries("")].length > 0;
      }),
      { numRuns: 40 },
    );
    // Finished items must have gone to the spill at least once, or the last equality proves nothing.
    expect(spilledSome).toBe(true);
  });
});
