import { inLogRange, type RecordedEvent, type SpillStore } from "@handover/core";
import { aggregateIdOf, applyToReadiness, spillOptionOf, createHistory, createReadinessState, readinessOf, WIRED, wiringNamed, wiringOfType, type History, type ProcessName, type Readiness, type ReadinessOptions, type ReadinessState } from "@handover/projections";
import type { SlaPolicy } from "@handover/itil";
import { viewRange, type LogView } from "./view.js";

/** How many aggregates of one process there are, in total and by state. */
export interface ProcessCount {
  readonly total: number;
  readonly byState: Readonly<Record<string, number>>;
}

/** The project of a summary: who and where it is. */
export interface ProjectStanding {
  readonly projectId: string;
  readonly name: string;
  readonly manager: string;
  readonly phase: string;
  readonly status: string;
}

/** An incident still open: what it is about, how urgent, who has it, and what it is linked to. */
export interface OpenIncident {
  readonly incidentId: string;
  readonly title: string | null;
  readonly priority: number;
  readonly status: string;
  readonly assignedTo: string | null;
  readonly loggedAt: string | null;
  readonly ciIds: readonly string[];
  readonly problemIds: readonly string[];
}

/** Open incidents, as incident management's descriptor groups them. */
const OPEN_INCIDENT: ReadonlySet<string> = new Set(wiringNamed("incident")?.descriptor.groups.open ?? []);

/** What `replay` prints: the project, counts per process and state, the baselines, and the readiness verdict. */
export interface ReplaySummary {
  readonly position: number;
  /** Events in the view (the whole log when no view is asked). */
  readonly events: number;
  readonly project: ProjectStanding | null;
  /** Every process of the one list but the project itself, in the list's order. */
  readonly processes: Readonly<Partial<Record<ProcessName, ProcessCount>>>;
  readonly baselines: readonly { readonly name: string; readonly kind: string; readonly position: number; readonly cis: number }[];
  readonly readiness: Readiness | null;
  /** Incidents open at the end of the view, most urgent first. */
  readonly openIncidents: readonly OpenIncident[];
  /** The latest business time among the events in the view (null for none). */
  readonly lastAt: string | null;
  /** The SLA policy in force for the project (the organisation's with the project's overrides). */
  readonly sla: SlaPolicy;
}

/** How many items of each process stand in each state, kept as events move them (so a replay that spills finished items need not read them back to count them). */
type StateTally = Map<ProcessName, Map<string, number>>;

/** The process whose items an event moves and the tally counts (not the CMDB's CIs, which the CMDB counts, nor the project), or undefined. */
function tallied(event: RecordedEvent): { readonly process: ProcessName; readonly id: string } | undefined {
  const wiring = wiringOfType(event.type);
  if (wiring === undefined || wiring.inCmdb === true || wiring.descriptor.name === "project") return undefined;
  return { process: wiring.descriptor.name as ProcessName, id: aggregateIdOf(wiring, event) };
}

function statusNow(history: History, process: ProcessName, id: string): string {
  return (history.aggregates.of(process).get(id)?.state as { readonly status?: string } | undefined)?.status ?? "none";
}

function moveTally(tally: StateTally, process: ProcessName, from: string, to: string): void {
  if (from === to) return;
  let counts = tally.get(process);
  if (counts === undefined) tally.set(process, (counts = new Map()));
  counts.set(from, (counts.get(from) ?? 0) - 1);
  counts.set(to, (counts.get(to) ?? 0) + 1);
}

function countOf(byState: Iterable<[string, number]>): ProcessCount {
  const kept = [...byState].filter(([status, count]) => status !== "none" && count > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  return { total: kept.reduce((sum, [, count]) => sum + count, 0), byState: Object.fromEntries(kept) };
}

/** Counts per state of every process in the one list but the project (a CI's states are the CMDB's records; the others', the tally's). */
function countsPerProcess(history: History, tally: StateTally): Partial<Record<ProcessName, ProcessCount>> {
  const counts: Partial<Record<ProcessName, ProcessCount>> = {};
  for (const { descriptor, inCmdb } of WIRED) {
    const name = descriptor.name as ProcessName;
    if (name === "project") continue;
    if (inCmdb !== true) counts[name] = countOf(tally.get(name) ?? []);
    else {
      const byState = new Map<string, number>();
      for (const { status } of history.cmdb.cis.values()) byState.set(status, (byState.get(status) ?? 0) + 1);
      counts[name] = countOf(byState);
    }
  }
  return counts;
}

/**
 * The incidents open now, most urgent first, each with the problems linked from either side
 * (the incident's own links, then the problems that linked it, in the order the problems
 * first appeared): read from readiness's index of open incidents and of links, so no
 * finished item is read (nor back from a spill).
 */
function openIncidentsOf(state: ReadinessState): OpenIncident[] {
  const incidents = state.history.aggregates.of("incident");
  const problems = state.history.aggregates.of("problem");
  const firstSeen = (problemId: string): number => problems.get(problemId)?.firstPosition ?? Number.MAX_SAFE_INTEGER;
  const open: OpenIncident[] = [];
  for (const incidentId of state.priorityOfOpen.keys()) {
    const incident = incidents.get(incidentId)?.state;
    if (incident === undefined || !OPEN_INCIDENT.has(incident.status)) continue;
    const linking = [...(state.problemsOfIncident.get(incidentId) ?? [])].filter((problemId) => problems.get(problemId)?.state.incidentIds.includes(incidentId) === true);
    open.push({
      incidentId: incident.incidentId,
      title: incident.title,
      priority: incident.priority,
      status: incident.status,
      assignedTo: incident.assignee ?? incident.group,
      loggedAt: incident.loggedAt,
      ciIds: incident.ciIds,
      problemIds: [...new Set([...incident.problemIds, ...linking.sort((a, b) => firstSeen(a) - firstSeen(b))])],
    });
  }
  return open.sort((a, b) => a.priority - b.priority || (a.incidentId < b.incidentId ? -1 : 1));
}

/** What a summary is replayed with: readiness's criteria and policy, the project, and where finished work items go instead of memory (`spill`, keeping the `spillKeepsRecent` most recently finished of each process: 1,000 by default). */
export interface ReplaySummaryOptions extends ReadinessOptions {
  readonly projectId?: string;
  readonly spill?: SpillStore;
  readonly spillKeepsRecent?: number;
}

/**
 * Replays a log in one pass into the projections' readiness state (which holds the whole
 * history: CMDB and every aggregate; with `spill`, the finished work items there instead of
 * in memory), counting items per state as events move them, then reads the summary: the
 * project asked for (or the first one started), counts per process and state, the
 * baselines taken, and readiness with the given criteria and policy.
 */
export async function replaySummary(events: AsyncIterable<RecordedEvent>, view: LogView, options: ReplaySummaryOptions): Promise<ReplaySummary> {
  const range = viewRange(view);
  const history = createHistory(options.policy, options.projectId, spillOptionOf(options));
  const state = createReadinessState(history);
  const tally: StateTally = new Map();
  let count = 0;
  let lastAt: string | null = null;
  for await (const event of events) {
    if (!inLogRange(event, range)) continue;
    const item = tallied(event);
    const before = item === undefined ? "none" : statusNow(history, item.process, item.id);
    applyToReadiness(state, event);
    if (item !== undefined) moveTally(tally, item.process, before, statusNow(history, item.process, item.id));
    history.aggregates.spillFinished();
    count += 1;
    if (lastAt === null || event.meta.occurredAt > lastAt) lastAt = event.meta.occurredAt;
  }
  const project = history.project()?.state;
  const { cmdb } = history;
  const started = project !== undefined && project.status !== "none";
  return {
    position: cmdb.position,
    events: count,
    project: started ? { projectId: project.projectId, name: project.name, manager: project.manager, phase: project.phase, status: project.status } : null,
    processes: countsPerProcess(history, tally),
    baselines: cmdb.baselines.map((taken) => ({ name: taken.name, kind: taken.kind, position: taken.position, cis: taken.cis.length })),
    readiness: started ? readinessOf(state, project.projectId, options.criteria, view) : null,
    openIncidents: openIncidentsOf(state),
    lastAt,
    sla: history.policy().sla,
  };
}
