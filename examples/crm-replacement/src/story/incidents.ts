import type { ChapterAgenda, StoryCommand } from "./agenda.js";
import { people } from "./cast.js";
import type { IncidentSpec } from "./incident-spec.js";
import { instant, minutesAfter, nextWorkingDayAt, on } from "./time.js";

/** One step of an incident's life: when, by whom, and how it is written to the agenda. */
type TimedStep = readonly [at: string, by: string, write: (at: string, by: string) => void];

/** Collects an incident's steps so their times can be checked before they are written. */
class IncidentTimeline {
  readonly steps: TimedStep[] = [];
  constructor(readonly agenda: ChapterAgenda) {}

  /** Adds a step the story expects to be accepted. */
  add(time: string, by: string, command: StoryCommand): void {
    this.steps.push([instant(time), by, (at, who) => this.agenda.does(at, who, command)]);
  }

  /** Adds a step written by a function of its own (a deliberate breach). */
  addWritten(time: string, by: string, write: (at: string, by: string) => void): void {
    this.steps.push([instant(time), by, write]);
  }
}

/** The incident's steps, in the order they happen; refuses (as a programmer error) a history whose times run backwards. */
export function incidentSteps(agenda: ChapterAgenda, spec: IncidentSpec): void {
  const timeline = new IncidentTimeline(agenda);
  const triage = spec.triage ?? people.testManager;
  const resolver = spec.reassign?.to[1] ?? spec.to?.[1] ?? triage;
  logAndAssign(timeline, spec, triage);
  workSteps(timeline, spec, triage, resolver);
  endSteps(timeline, spec, triage, resolver);
  timeline.steps.forEach(([time], index) => {
    const previous = timeline.steps[index - 1];
    if (previous !== undefined && Date.parse(time) < Date.parse(previous[0])) throw new Error(`incident ${spec.id}: step at ${time} comes before ${previous[0]}; fix the story's times`);
  });
  for (const [time, by, write] of timeline.steps) write(time, by);
}

function logAndAssign(timeline: IncidentTimeline, spec: IncidentSpec, triage: string): void {
  const incidentId = spec.id;
  const logged = on(spec.logged);
  const log = { type: "incident.log", incidentId, title: spec.title, impact: spec.impact, urgency: spec.urgency, caller: spec.caller ?? spec.by, category: spec.category, ciIds: [...spec.ciIds] } satisfies StoryCommand;
  const breach = spec.loggedInBreach;
  if (breach === undefined) timeline.add(logged, spec.by, log);
  else timeline.addWritten(logged, spec.by, (at, by) => timeline.agenda.breaks(at, by, log, { finding: "process_before_phase", why: breach }));
  if (spec.to === undefined) return;
  const [group, assignee] = spec.to;
  const response = spec.response ?? { assigned: 25, started: 70 };
  timeline.add(minutesAfter(logged, response.assigned), triage, { type: "incident.assign", incidentId, group, assignee });
  if (spec.reprioritise !== undefined) timeline.add(minutesAfter(logged, response.assigned + 5), triage, { type: "incident.reprioritise", incidentId, ...spec.reprioritise });
  if (spec.end.kind !== "cancelled") timeline.add(minutesAfter(logged, response.started), assignee, { type: "incident.start_work", incidentId });
}

function workSteps(timeline: IncidentTimeline, spec: IncidentSpec, triage: string, resolver: string): void {
  const incidentId = spec.id;
  const { reassign, escalate, problem, change, hold } = spec;
  if (reassign !== undefined) timeline.add(reassign.at, triage, { type: "incident.reassign", incidentId, group: reassign.to[0], assignee: reassign.to[1], reason: reassign.reason });
  if (escalate !== undefined) timeline.add(escalate.at, resolver, { type: "incident.escalate", incidentId, level: escalate.level, to: escalate.to, reason: escalate.reason });
  if (problem !== undefined) timeline.add(problem.at, people.problemManager, { type: "incident.link_problem", incidentId, problemId: problem.problemId });
  if (change !== undefined) timeline.add(change.at, resolver, { type: "incident.link_change", incidentId, changeId: change.changeId, relation: change.relation });
  if (hold === undefined) return;
  timeline.add(hold.at, resolver, { type: "incident.put_on_hold", incidentId, reason: hold.reason, note: hold.note });
  if (hold.resumed !== undefined) timeline.add(hold.resumed, resolver, { type: "incident.resume", incidentId });
}

function endSteps(timeline: IncidentTimeline, spec: IncidentSpec, triage: string, resolver: string): void {
  const incidentId = spec.id;
  const end = spec.end;
  if (end.kind === "open") return;
  if (end.kind === "cancelled") {
    timeline.add(end.at, triage, { type: "incident.cancel", incidentId, reason: end.reason });
    return;
  }
  timeline.add(end.at, resolver, { type: "incident.resolve", incidentId, resolutionCode: end.code, resolutionNotes: end.notes });
  let lastResolved = instant(end.at);
  if (end.reopened !== undefined) {
    timeline.add(end.reopened.at, spec.by, { type: "incident.reopen", incidentId, reason: end.reopened.reason });
    timeline.add(end.reopened.resolved, resolver, { type: "incident.resolve", incidentId, resolutionCode: end.code, resolutionNotes: end.reopened.notes });
    lastResolved = instant(end.reopened.resolved);
  }
  const closing = end.closed === undefined ? nextWorkingDayAt(lastResolved, closingTime(incidentId)) : instant(end.closed);
  timeline.add(closing, spec.by, { type: "incident.close", incidentId });
}

/** A morning time for the retest, spread by incident so the testers do not close everything at once. */
function closingTime(incidentId: string): string {
  const digits = Number(incidentId.replace(/\D/g, "")) || 0;
  return `${String(9 + (digits % 3)).padStart(2, "0")}:${String((digits * 7) % 60).padStart(2, "0")}`;
}
