import { RELATIONSHIP_PAIRS } from "@handover/itil";

/** A CI as the floor keeps it: one plain object, changed in place. */
export interface FloorCi {
  ciId: string;
  ciType: string;
  name: string;
  owner: string;
  status: string;
  scope: string;
  version: number;
  registered: { position: number };
  lastChange: { position: number };
  attributes: Record<string, unknown>;
  relationships: { type: string; targetCiId: string }[];
  inverses: { type: string; ciId: string }[];
}

/** A release as the floor keeps it: what readiness reads. */
export interface FloorRelease {
  latestBuild: number;
  lastIteration: { build: number; result: string } | undefined;
  backOutPlan: boolean;
  productionAt: number | undefined;
  rolledBack: boolean;
}

/** Everything the floor keeps: plain maps of plain objects, changed in place, nothing frozen or copied. */
export interface FloorState {
  position: number;
  readonly cis: Map<string, FloorCi>;
  readonly pendingProduction: Set<string>;
  readonly incidents: Map<string, { status: string; priority: number; problems: Set<string> }>;
  readonly problems: Map<string, { knownError: boolean; incidents: Set<string> }>;
  readonly changes: Map<string, { open: boolean; cancelled: boolean; emergency: boolean; authorised: boolean; reviewed: boolean }>;
  readonly releases: Map<string, FloorRelease>;
  readonly projects: Map<string, { serviceLevels: Set<string>; productionBaselines: number }>;
}

/** An empty floor state. */
export function createFloorState(): FloorState {
  return { position: 0, cis: new Map(), pendingProduction: new Set(), incidents: new Map(), problems: new Map(), changes: new Map(), releases: new Map(), projects: new Map() };
}

/** The data fields the floor reads, trusted to be there for the types that carry them (the floor checks nothing). */
export interface FloorData {
  readonly ciId: string;
  readonly ciType: string;
  readonly name: string;
  readonly owner: string;
  readonly to: string;
  readonly newValue: unknown;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly relationship: { readonly type: string; readonly targetCiId: string };
  readonly incidentId: string;
  readonly priority: number;
  readonly problemId: string;
  readonly changeId: string;
  readonly changeType: string;
  readonly releaseId: string;
  readonly backOutPlan?: string;
  readonly build: number;
  readonly environment: string;
  readonly projectId: string;
  readonly serviceLevels: readonly { readonly service: string }[];
  readonly kind: string;
  readonly cis: readonly { readonly ciId: string }[];
}

/** A parsed log line, as the floor reads it (no envelope check). */
export interface FloorEvent {
  readonly position: number;
  readonly version: number;
  readonly type: string;
  readonly data: FloorData;
}

const inverseName = RELATIONSHIP_PAIRS as Readonly<Record<string, string>>;

function applyCi(state: FloorState, event: FloorEvent, data: FloorData): void {
  const ciId = data.ciId;
  if (event.type === "configuration.ci_registered") {
    const scope = state.pendingProduction.delete(ciId) ? "production" : "project";
    const stamp = { position: event.position };
    state.cis.set(ciId, { ciId, ciType: data.ciType, name: data.name, owner: data.owner, status: "planned", scope, version: 0, registered: stamp, lastChange: stamp, attributes: { ...data.attributes }, relationships: [], inverses: [] });
  }
  const ci = state.cis.get(ciId);
  if (ci === undefined) return;
  switch (event.type) {
    case "configuration.ci_status_changed":
      ci.status = data.to;
      break;
    case "configuration.attribute_set":
      ci.attributes[data.name] = data.newValue;
      break;
    case "configuration.attribute_unset":
      delete ci.attributes[data.name];
      break;
    case "configuration.owner_transferred":
      ci.owner = data.to;
      break;
    case "configuration.relationship_added": {
      const relationship = data.relationship;
      ci.relationships.push({ type: relationship.type, targetCiId: relationship.targetCiId });
      state.cis.get(relationship.targetCiId)?.inverses.push({ type: inverseName[relationship.type] ?? relationship.type, ciId });
      break;
    }
    case "configuration.relationship_removed": {
      const { type, targetCiId } = data.relationship;
      ci.relationships = ci.relationships.filter((kept) => kept.type !== type || kept.targetCiId !== targetCiId);
      const target = state.cis.get(targetCiId);
      const index = target?.inverses.findIndex((inverse) => inverse.type === inverseName[type] && inverse.ciId === ciId) ?? -1;
      if (index >= 0) target?.inverses.splice(index, 1);
      break;
    }
    default:
      break;
  }
  ci.version = event.version;
  ci.lastChange = { position: event.position };
}

const INCIDENT_STATUS: Readonly<Record<string, string>> = {
  "incident.work_started": "in_progress",
  "incident.put_on_hold": "on_hold",
  "incident.resumed": "in_progress",
  "incident.resolved": "resolved",
  "incident.reopened": "in_progress",
  "incident.closed": "closed",
  "incident.cancelled": "cancelled",
};

function link(state: FloorState, incidentId: string, problemId: string): void {
  state.incidents.get(incidentId)?.problems.add(problemId);
  let problem = state.problems.get(problemId);
  if (problem === undefined) state.problems.set(problemId, (problem = { knownError: false, incidents: new Set() }));
  problem.incidents.add(incidentId);
}

function applyIncident(state: FloorState, event: FloorEvent, data: FloorData): void {
  const incidentId = data.incidentId;
  if (event.type === "incident.logged") state.incidents.set(incidentId, { status: "new", priority: data.priority, problems: new Set() });
  const incident = state.incidents.get(incidentId);
  if (incident === undefined) return;
  const next = INCIDENT_STATUS[event.type];
  if (next !== undefined) incident.status = next;
  else if ((event.type === "incident.assigned" || event.type === "incident.reassigned" || event.type === "incident.escalated") && incident.status === "new") incident.status = "assigned";
  else if (event.type === "incident.reprioritised") incident.priority = data.priority;
  else if (event.type === "incident.problem_linked") link(state, incidentId, data.problemId);
}

function applyProblem(state: FloorState, event: FloorEvent, data: FloorData): void {
  const problemId = data.problemId;
  if (!state.problems.has(problemId)) state.problems.set(problemId, { knownError: false, incidents: new Set() });
  if (event.type === "problem.incident_linked") link(state, data.incidentId, problemId);
  else if (event.type === "problem.known_error_recorded") (state.problems.get(problemId) ?? { knownError: false }).knownError = true;
}

function applyChange(state: FloorState, event: FloorEvent, data: FloorData): void {
  const changeId = data.changeId;
  if (event.type === "change.raised") state.changes.set(changeId, { open: true, cancelled: false, emergency: data.changeType === "emergency", authorised: false, reviewed: false });
  const change = state.changes.get(changeId);
  if (change === undefined) return;
  if (event.type === "change.authorised") change.authorised = true;
  else if (event.type === "change.retrospectively_reviewed") change.reviewed = true;
  else if (event.type === "change.closed") change.open = false;
  else if (event.type === "change.cancelled") {
    change.open = false;
    change.cancelled = true;
  }
}

function applyRelease(state: FloorState, event: FloorEvent, data: FloorData): void {
  const releaseId = data.releaseId;
  if (event.type === "release.planned") state.releases.set(releaseId, { latestBuild: 0, lastIteration: undefined, backOutPlan: data.backOutPlan !== undefined, productionAt: undefined, rolledBack: false });
  const release = state.releases.get(releaseId);
  if (release === undefined) return;
  switch (event.type) {
    case "release.built":
      release.latestBuild = data.build;
      break;
    case "release.test_iteration_started":
      release.lastIteration = { build: data.build, result: "running" };
      break;
    case "release.test_iteration_passed":
    case "release.test_iteration_failed":
      if (release.lastIteration !== undefined) release.lastIteration.result = event.type === "release.test_iteration_passed" ? "passed" : "failed";
      break;
    case "release.back_out_plan_documented":
      release.backOutPlan = true;
      break;
    case "release.deployed":
      if (data.environment === "production" && release.productionAt === undefined && !release.rolledBack) release.productionAt = event.position;
      break;
    case "release.rolled_back":
      release.rolledBack = true;
      break;
    default:
      break;
  }
}

function applyProject(state: FloorState, event: FloorEvent, data: FloorData): void {
  const projectId = data.projectId;
  if (event.type === "project.started") state.projects.set(projectId, { serviceLevels: new Set(), productionBaselines: 0 });
  const project = state.projects.get(projectId);
  if (event.type === "project.service_levels_agreed") for (const level of data.serviceLevels) project?.serviceLevels.add(level.service);
  if (event.type !== "project.baseline_taken" || data.kind !== "production") return;
  if (project !== undefined) project.productionBaselines++;
  for (const { ciId } of data.cis) {
    const ci = state.cis.get(ciId);
    if (ci === undefined) state.pendingProduction.add(ciId);
    else ci.scope = "production";
  }
}

/** Applies one parsed event to the floor's maps, by its process (the prefix of its type). */
export function applyToFloor(state: FloorState, event: FloorEvent): void {
  const data = event.data;
  const type = event.type;
  if (type.startsWith("configuration.")) applyCi(state, event, data);
  else if (type.startsWith("incident.")) applyIncident(state, event, data);
  else if (type.startsWith("change.")) applyChange(state, event, data);
  else if (type.startsWith("problem.")) applyProblem(state, event, data);
  else if (type.startsWith("release.")) applyRelease(state, event, data);
  else if (type.startsWith("project.")) applyProject(state, event, data);
  state.position = event.position;
}
