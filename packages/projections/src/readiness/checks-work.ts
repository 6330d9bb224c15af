import type { ChangeStatus } from "@handover/change";
import { counted, listed, positionsOf, type CheckContext, type CheckDefinition } from "./check.js";

function blockingIncidents(context: CheckContext): [string, number, number][] {
  const found: [string, number, number][] = [];
  for (const [priority, incidents] of context.state.openByPriority) {
    if (priority < 1 || priority > context.criteria.blockingPriority) continue;
    for (const [incidentId, position] of incidents) found.push([incidentId, priority, position]);
  }
  return found.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

/** No open incident at a blocking priority (1 and 2 by default). */
export const majorIncidentsCheck: CheckDefinition = {
  name: "major_incidents",
  passes: (context) => {
    for (const [priority, incidents] of context.state.openByPriority) if (priority >= 1 && priority <= context.criteria.blockingPriority && incidents.size > 0) return false;
    return true;
  },
  outcome(context) {
    const limit = context.criteria.blockingPriority;
    const blocking = blockingIncidents(context);
    if (blocking.length === 0) return { passes: true, explanation: limit < 1 ? "no incident priority blocks the handover" : `no open incident at priority ${limit} or higher`, evidence: [] };
    return {
      passes: false,
      explanation: `${counted(blocking.length, "open incident")} at priority ${limit} or higher: ${listed(blocking.map(([id, priority]) => `${id} (P${priority})`))}; resolve them, or reprioritise with a reason`,
      evidence: positionsOf(blocking.map(([, , position]) => position)),
    };
  },
};

/** Every open incident has a known error, whose workaround operations inherit. */
export const incidentWorkaroundsCheck: CheckDefinition = {
  name: "incident_workarounds",
  passes: (context) => context.state.withoutWorkaround.size === 0,
  outcome(context) {
    const offenders = [...context.state.withoutWorkaround.keys()];
    if (offenders.length === 0) return { passes: true, explanation: "every open incident has a known error with a workaround", evidence: [] };
    return {
      passes: false,
      explanation: `${counted(offenders.length, "open incident", ["has", "have"])} neither a workaround nor a known error: ${listed(offenders)}; link each to a problem with a recorded known error, or resolve it`,
      evidence: positionsOf(context.state.withoutWorkaround.values()),
    };
  },
};

function openChanges(context: CheckContext): [string, number][] {
  return [...context.state.openChanges].filter(([changeId]) => !context.criteria.deferredChanges.has(changeId));
}

/**
 * An open change's state in the words readiness uses: what it has done and what it waits
 * for, so the sentence never calls a change "reviewed" beside one saying it waits for a
 * review (its post-implementation review is not an emergency's retrospective CAB review).
 */
const OPEN_CHANGE_STANDING: Readonly<Partial<Record<ChangeStatus, string>>> = {
  raised: "raised, not yet assessed",
  assessed: "assessed, waiting for its approval",
  rejected: "rejected, neither revised nor cancelled",
  authorised: "authorised, not yet scheduled",
  scheduled: "scheduled, not yet implemented",
  implementing: "being implemented",
  implemented: "implemented, waiting for its post-implementation review",
  reviewed: "post-implementation review held, not yet closed",
};

/** An open change's state as readiness says it (the state's name when the table has no words for it). */
function openChangeStanding(status: ChangeStatus | undefined): string {
  return status === undefined ? "unknown" : (OPEN_CHANGE_STANDING[status] ?? status);
}

/** Every change is closed (or cancelled), or explicitly deferred by the criteria. */
export const changesClosedCheck: CheckDefinition = {
  name: "changes_closed",
  passes: (context) => {
    if (context.criteria.deferredChanges.size === 0) return context.state.openChanges.size === 0;
    for (const changeId of context.state.openChanges.keys()) if (!context.criteria.deferredChanges.has(changeId)) return false;
    return true;
  },
  outcome(context) {
    const open = openChanges(context);
    const status = (changeId: string) => openChangeStanding(context.state.history.aggregates.of("change").get(changeId)?.state.status);
    if (open.length === 0) {
      const deferred = [...context.state.openChanges.keys()];
      const note = deferred.length === 0 ? "" : `; deferred to operations: ${listed(deferred)}`;
      return { passes: true, explanation: `every change is closed or cancelled${note}`, evidence: positionsOf(context.state.openChanges.values()) };
    }
    return {
      passes: false,
      explanation: `${counted(open.length, "change", ["is", "are"])} neither closed nor deferred: ${listed(open.map(([changeId]) => `${changeId} (${status(changeId)})`))}; close or cancel them, or defer them explicitly`,
      evidence: positionsOf(open.map(([, position]) => position)),
    };
  },
};

/** Every emergency change had its retrospective CAB review, and every rejection there was answered. */
export const emergencyChangesReviewedCheck: CheckDefinition = {
  name: "emergency_changes_reviewed",
  passes: (context) => context.state.unreviewedEmergencies.size === 0 && context.state.unansweredRejections.size === 0,
  outcome(context) {
    const waiting = [...context.state.unreviewedEmergencies.keys()];
    const rejected = [...context.state.unansweredRejections.keys()];
    if (waiting.length === 0 && rejected.length === 0) return { passes: true, explanation: "every emergency change had its retrospective review, and none was rejected there without an answer", evidence: [] };
    const sentences = [
      ...(waiting.length === 0 ? [] : [`${counted(waiting.length, "emergency change", ["waits", "wait"])} for the retrospective CAB review: ${listed(waiting)}; hold the review (change.vote by CAB members)`]),
      ...(rejected.length === 0 ? [] : [`${counted(rejected.length, "emergency change", ["was", "were"])} rejected in the retrospective review and not answered: ${listed(rejected)}; answer with a follow-up change or an accepted reason (change.answer_rejection)`]),
    ];
    return { passes: false, explanation: sentences.join("; "), evidence: positionsOf([...context.state.unreviewedEmergencies.values(), ...context.state.unansweredRejections.values()]) };
  },
};

/** Resolved incidents per priority, and how many of them breached their SLA: `P3: 28 of 28`. */
function breachesByPriority(context: CheckContext): string {
  return [...context.state.slaByPriority]
    .filter(([, { resolved }]) => resolved > 0)
    .sort(([a], [b]) => a - b)
    .map(([priority, { breached, resolved }]) => `P${priority}: ${breached} of ${resolved}`)
    .join(", ");
}

/** Resolved incidents met their SLA often enough (the criteria's share, 90% by default); warns by default, since it informs the handover rather than blocks it. */
export const slaPerformanceCheck: CheckDefinition = {
  name: "sla_performance",
  passes: (context) => {
    const { resolved, breached } = context.state.slaTally;
    return resolved === 0 || (resolved - breached) / resolved >= context.criteria.slaAttainmentAtLeast;
  },
  outcome(context) {
    const { resolved, breached } = context.state.slaTally;
    if (resolved === 0) return { passes: true, explanation: "no incident has been resolved yet: no SLA performance to judge", evidence: [] };
    const share = (resolved - breached) / resolved;
    const percent = (value: number) => `${Number((value * 100).toFixed(1))}%`;
    const summary = `${breached} of ${resolved} resolved incidents breached their SLA (${breachesByPriority(context)}): ${percent(share)} met it`;
    const target = `at least ${percent(context.criteria.slaAttainmentAtLeast)}`;
    if (share >= context.criteria.slaAttainmentAtLeast) return { passes: true, explanation: `${summary}, ${target} must`, evidence: [] };
    return { passes: false, explanation: `${summary}, ${target} must; review the service levels with the service owner, or staff the resolver groups before operations inherit them`, evidence: positionsOf(context.state.slaBreaches.values()) };
  },
};
