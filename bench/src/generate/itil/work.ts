import { chance, nextId, people, recent, someLiveCis, type EntityScript, type ItilStep, type World } from "./world.js";

/** ITIL's 3 × 3 matrix: priority of impact i, urgency u is `MATRIX[i - 1][u - 1]`. */
const MATRIX = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
] as const;

const TITLES = ["Login page times out", "Nightly batch failed", "Disk almost full", "Replication lag", "Certificate expires soon", "Slow search", "Report totals wrong", "Queue backlog growing"];
const HOLD_REASONS = ["awaiting_caller", "awaiting_vendor", "awaiting_problem", "awaiting_change", "awaiting_evidence"] as const;

/** Impact and urgency, mostly low (3), sometimes high (1). */
function rank(world: World): number {
  const roll = world.random.next();
  return roll < 0.08 ? 1 : roll < 0.35 ? 2 : 3;
}

function priorityOf(impact: number, urgency: number): number {
  return MATRIX[impact - 1]?.[urgency - 1] ?? 5;
}

/**
 * The life of one incident: logged (with a CI most of the time), assigned, worked, held and
 * resumed, sometimes reassigned, reprioritised, escalated or linked to a problem or change,
 * resolved (sometimes reopened and resolved again) and closed; a few are cancelled early.
 */
export function* incidentScript(world: World): EntityScript {
  const incidentId = nextId(world, "INC");
  const streamId = `incident-${incidentId}`;
  const step = (type: string, data: Record<string, unknown> = {}, actors: readonly string[] = people.resolvers): ItilStep => {
    const by = world.random.pick(actors);
    return { streamId, type, data: { incidentId, at: world.at, by, ...data }, actor: by, correlationId: incidentId };
  };
  const impact = rank(world);
  const urgency = rank(world);
  const priority = priorityOf(impact, urgency);
  world.incidents.push(incidentId);
  yield step("incident.logged", { impact, urgency, priority, major: priority === 1, title: world.random.pick(TITLES), caller: world.random.pick(people.requesters), category: "software" }, people.desk);
  const [ciId] = someLiveCis(world, 1);
  if (ciId !== undefined && chance(world, 0.8)) yield step("incident.ci_linked", { ciId }, people.desk);
  if (chance(world, 0.04)) {
    yield step("incident.cancelled", { reason: "Duplicate of an open incident" }, people.desk);
    return;
  }
  yield step("incident.assigned", { group: world.random.pick(people.groups), assignee: world.random.pick(people.resolvers) }, people.desk);
  yield step("incident.work_started");
  while (chance(world, 0.3)) {
    yield step("incident.put_on_hold", { reason: world.random.pick(HOLD_REASONS), note: "Waiting for an answer" });
    yield step("incident.resumed");
  }
  if (chance(world, 0.15)) yield step("incident.reassigned", { group: world.random.pick(people.groups), assignee: world.random.pick(people.resolvers), reason: "Needs another team" }, people.desk);
  if (chance(world, 0.1)) {
    const [newImpact, newUrgency] = [rank(world), rank(world)];
    const newPriority = priorityOf(newImpact, newUrgency);
    yield step("incident.reprioritised", { impact: newImpact, urgency: newUrgency, priority: newPriority, major: newPriority === 1, reason: "Impact reassessed" }, people.desk);
  }
  if (chance(world, 0.08)) yield step("incident.escalated", { level: chance(world, 0.5) ? "functional" : "hierarchical", to: world.random.pick(people.groups), reason: "Needs specialist help" });
  const problemId = recent(world, world.problems, 50);
  if (problemId !== undefined && chance(world, 0.15)) yield step("incident.problem_linked", { problemId });
  const changeId = recent(world, world.changes, 100);
  if (changeId !== undefined && chance(world, 0.05)) yield step("incident.change_linked", { changeId, relation: chance(world, 0.5) ? "caused_by" : "resolved_by" });
  yield step("incident.resolved", { resolutionCode: world.random.pick(["fixed", "workaround", "no_fault_found"]), resolutionNotes: "Service restored and verified with the caller" });
  if (chance(world, 0.08)) {
    yield step("incident.reopened", { reason: "The fault came back" }, people.desk);
    yield step("incident.resolved", { resolutionCode: "fixed", resolutionNotes: "Fixed for good this time" });
  }
  yield step("incident.closed", {}, people.desk);
}

/** The life of one problem: logged, incidents linked, investigated, root cause, known error (most), resolved by a change and closed, or kept open a while as a known error and closed with its risk accepted. */
export function* problemScript(world: World): EntityScript {
  const problemId = nextId(world, "PRB");
  const streamId = `problem-${problemId}`;
  const step = (type: string, data: Record<string, unknown> = {}): ItilStep => {
    const by = world.random.pick(people.problemManagers);
    return { streamId, type, data: { problemId, at: world.at, by, ...data }, actor: by, correlationId: problemId };
  };
  const ciIds = someLiveCis(world, 1 + world.random.below(2));
  world.problems.push(problemId);
  yield step("problem.logged", { title: world.random.pick(TITLES), description: "Recurring incidents with the same symptom", ciIds });
  for (let links = 1 + world.random.below(3); links > 0; links--) {
    const incidentId = recent(world, world.incidents, 300);
    if (incidentId !== undefined) yield step("problem.incident_linked", { incidentId });
  }
  yield step("problem.investigation_started", { investigator: world.random.pick(people.resolvers) });
  const rootCause = "A configuration drift between the nodes";
  yield step("problem.root_cause_identified", { rootCause });
  if (chance(world, 0.3)) {
    yield step("problem.closed", { code: "risk_accepted", notes: "Rare enough to live with" });
    return;
  }
  yield step("problem.known_error_recorded", { symptom: "Requests fail intermittently", rootCause, workaround: "Restart the worker on the affected node", ciIds });
  const changeId = recent(world, world.authorisedChanges, 100);
  if (changeId !== undefined && chance(world, 0.6)) {
    yield step("problem.resolved", { changeId });
    yield step("problem.closed", { code: "fix_applied" });
    return;
  }
  // A known error without a fix stays open a while, gathering incidents, and is closed with its risk accepted: every problem ends, so the open ones are those in progress, however long the log.
  for (let links = 1 + world.random.below(3); links > 0; links--) {
    const incidentId = recent(world, world.incidents, 300);
    if (incidentId !== undefined) yield step("problem.incident_linked", { incidentId });
  }
  yield step("problem.closed", { code: "risk_accepted", notes: "Workaround documented for operations" });
}
