import type { CheckSummary } from "./summary.js";
import type { FloorRelease, FloorState } from "./floor-state.js";

const OPEN_INCIDENT = new Set(["new", "assigned", "in_progress", "on_hold"]);
/** Open incidents at this priority or higher block the handover (readiness's default). */
const BLOCKING_PRIORITY = 2;

function check(name: string, passes: boolean, evidence: number): CheckSummary {
  return { name, status: passes ? "pass" : "fail", evidence };
}

function testedWithPlan(release: FloorRelease): boolean {
  const iteration = release.lastIteration;
  return release.latestBuild > 0 && iteration !== undefined && iteration.build === release.latestBuild && iteration.result === "passed" && release.backOutPlan;
}

/**
 * The readiness checks computed once, at the end, from the floor's maps: the same
 * questions as Handover's checks, answered by scanning plain data.
 */
export function floorReadiness(state: FloorState, projectId: string): { ready: boolean; checks: CheckSummary[] } {
  const project = state.projects.get(projectId);
  let uncovered = 0;
  let ownerless = 0;
  let broken = 0;
  let servicesWithout = 0;
  for (const ci of state.cis.values()) {
    if (ci.status === "retired") continue;
    if (ci.scope === "project") uncovered++;
    if (ci.scope === "production" && ci.owner.trim() === "") ownerless++;
    if (ci.ciType === "service" && !(project?.serviceLevels.has(ci.ciId) ?? false)) servicesWithout++;
    for (const relationship of ci.relationships) {
      const target = state.cis.get(relationship.targetCiId);
      if (target === undefined || target.status === "retired") broken++;
    }
  }
  let blocking = 0;
  let withoutWorkaround = 0;
  for (const incident of state.incidents.values()) {
    if (!OPEN_INCIDENT.has(incident.status)) continue;
    if (incident.priority >= 1 && incident.priority <= BLOCKING_PRIORITY) blocking++;
    if (![...incident.problems].some((problemId) => state.problems.get(problemId)?.knownError === true)) withoutWorkaround++;
  }
  let openChanges = 0;
  let unreviewed = 0;
  for (const change of state.changes.values()) {
    if (change.open) openChanges++;
    if (change.emergency && change.authorised && !change.reviewed && !change.cancelled) unreviewed++;
  }
  let current: FloorRelease | undefined;
  for (const release of state.releases.values()) {
    if (release.productionAt !== undefined && !release.rolledBack && (current === undefined || release.productionAt > (current.productionAt ?? 0))) current = release;
  }
  const baselines = project?.productionBaselines ?? 0;
  const agreed = project?.serviceLevels.size ?? 0;
  const checks = [
    check("production_baseline", uncovered === 0 && baselines > 0, project === undefined || baselines === 0 ? 0 : uncovered > 0 ? uncovered : baselines),
    check("major_incidents", blocking === 0, blocking),
    check("incident_workarounds", withoutWorkaround === 0, withoutWorkaround),
    check("changes_closed", openChanges === 0, openChanges),
    check("emergency_changes_reviewed", unreviewed === 0, unreviewed),
    check("production_release", current !== undefined && testedWithPlan(current), current === undefined ? 0 : 1),
    check("ci_owners", ownerless === 0, ownerless),
    check("relationships", broken === 0, broken),
    check("service_levels", project !== undefined && agreed > 0 && servicesWithout === 0, agreed),
  ];
  return { ready: checks.every((each) => each.status === "pass"), checks };
}
