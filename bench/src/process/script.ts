import type { Random } from "../generate/random.js";
import type { HoldReason, IncidentCommand, IncidentCommandName, IncidentFacts } from "./commands.js";
import { incidentLifecycle } from "./lifecycle.js";
import type { Impact, Urgency } from "./priority.js";
import type { IncidentStatus } from "./state.js";
import { person, resolutionCodes, sentence, supportGroups } from "./vocabulary.js";

/** A command and the facts it is issued with. */
export interface ScriptedCommand {
  readonly command: IncidentCommand;
  readonly facts: IncidentFacts;
}

/** Commands still needed to close an incident from each status, by the shortest path. */
const stepsToClose: Readonly<Record<IncidentStatus, number>> = { none: 5, logged: 4, assigned: 3, in_progress: 2, on_hold: 3, resolved: 1, closed: 0 };
const shortestStep: Readonly<Record<IncidentStatus, IncidentCommandName | undefined>> = {
  none: "log", logged: "assign", assigned: "start", in_progress: "resolve", on_hold: "resume", resolved: "close", closed: undefined,
};
/** How often people issue each command when it is allowed (a realistic mix: mostly notes). */
const weights: Readonly<Record<IncidentCommandName, number>> = {
  log: 1, assign: 6, start: 30, add_work_note: 40, hold: 8, resume: 25, reprioritise: 5, link_ci: 5, resolve: 2, reopen: 1, close: 0,
};

/** The smallest script length: log, assign, start, resolve, close. */
export const MIN_SCRIPT_LENGTH = stepsToClose.none;

/**
 * A valid life of one incident in exactly `length` commands, ending closed: a weighted
 * random walk over the lifecycle table that keeps enough commands to reach `closed`.
 * Every command is accepted by the decider and yields exactly one event.
 */
export function incidentScript(random: Random, incidentId: string, length: number, startMillis: number): ScriptedCommand[] {
  if (length < MIN_SCRIPT_LENGTH) throw new RangeError(`incidentScript: needs at least ${MIN_SCRIPT_LENGTH} commands, got ${length}`);
  const walk = { status: "none" as IncidentStatus, impact: 3 as Impact, urgency: 3 as Urgency, assignee: "", cis: 0, millis: startMillis };
  const script: ScriptedCommand[] = [];
  for (let remaining = length; remaining > 0; remaining--) {
    const name = chooseCommand(random, walk.status, remaining);
    walk.millis += 60_000 * (1 + random.below(90));
    const facts = { actor: person(random), at: new Date(walk.millis).toISOString() };
    script.push({ command: commandFor(random, name, incidentId, walk), facts });
    walk.status = nextStatus(walk.status, name);
  }
  return script;
}

function nextStatus(status: IncidentStatus, name: IncidentCommandName): IncidentStatus {
  const next = (incidentLifecycle[status] as Partial<Record<IncidentCommandName, IncidentStatus>>)[name];
  if (next === undefined) throw new Error(`incidentScript: "${name}" is not accepted while "${status}"`);
  return next;
}

const finishable = new Map<string, boolean>();

/** True when `remaining` more commands can take an incident from `status` to exactly `closed`. */
function canFinish(status: IncidentStatus, remaining: number): boolean {
  if (status === "closed" || remaining === 0) return status === "closed" && remaining === 0;
  if (remaining < stepsToClose[status]) return false;
  const key = `${status}:${remaining}`;
  let answer = finishable.get(key);
  if (answer === undefined) {
    answer = usable(status).some((name) => canFinish(nextStatus(status, name), remaining - 1));
    finishable.set(key, answer);
  }
  return answer;
}

/** The commands a script may issue in a status: the weighted ones, plus the step towards closing. */
function usable(status: IncidentStatus): IncidentCommandName[] {
  return (Object.keys(incidentLifecycle[status]) as IncidentCommandName[]).filter((name) => weights[name] > 0 || name === shortestStep[status]);
}

function chooseCommand(random: Random, status: IncidentStatus, remaining: number): IncidentCommandName {
  const feasible = usable(status).filter((name) => weights[name] > 0 && canFinish(nextStatus(status, name), remaining - 1));
  const total = feasible.reduce((sum, name) => sum + weights[name], 0);
  let ticket = random.next() * total;
  for (const name of feasible) {
    ticket -= weights[name];
    if (ticket < 0) return name;
  }
  const forced = shortestStep[status];
  if (forced === undefined || !canFinish(nextStatus(status, forced), remaining - 1)) throw new Error(`incidentScript: cannot close from "${status}" in exactly ${remaining} commands`);
  return forced;
}

interface Walk {
  impact: Impact;
  urgency: Urgency;
  assignee: string;
  cis: number;
}

function commandFor(random: Random, name: IncidentCommandName, incidentId: string, walk: Walk): IncidentCommand {
  switch (name) {
    case "log":
      walk.impact = (1 + random.below(3)) as Impact;
      walk.urgency = (1 + random.below(3)) as Urgency;
      return { type: "incident.log", data: { incidentId, title: sentence(random, 6), description: sentence(random, 20), impact: walk.impact, urgency: walk.urgency } };
    case "assign": {
      let assignee = person(random, 60);
      while (assignee === walk.assignee) assignee = person(random, 60);
      walk.assignee = assignee;
      return { type: "incident.assign", data: { incidentId, group: random.pick(supportGroups), assignee } };
    }
    case "reprioritise": {
      const urgency = ((walk.urgency % 3) + 1) as Urgency;
      walk.urgency = urgency;
      return { type: "incident.reprioritise", data: { incidentId, impact: walk.impact, urgency } };
    }
    case "link_ci":
      walk.cis += 1;
      return { type: "incident.link_ci", data: { incidentId, ciId: `ci-${incidentId}-${walk.cis}` } };
    default:
      return simpleCommand(random, name, incidentId);
  }
}

const holdReasons: readonly HoldReason[] = ["awaiting_user", "awaiting_vendor", "awaiting_change"];

function simpleCommand(random: Random, name: IncidentCommandName, incidentId: string): IncidentCommand {
  switch (name) {
    case "start":
      return { type: "incident.start", data: { incidentId } };
    case "add_work_note":
      return { type: "incident.add_work_note", data: { incidentId, note: sentence(random, 14) } };
    case "hold":
      return { type: "incident.hold", data: { incidentId, reason: random.pick(holdReasons) } };
    case "resume":
      return { type: "incident.resume", data: { incidentId } };
    case "resolve":
      return { type: "incident.resolve", data: { incidentId, code: random.pick(resolutionCodes), notes: sentence(random, 12) } };
    case "reopen":
      return { type: "incident.reopen", data: { incidentId, reason: sentence(random, 8) } };
    default:
      return { type: "incident.close", data: { incidentId, code: "confirmed" } };
  }
}
