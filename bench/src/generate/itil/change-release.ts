import { chance, nextId, people, recent, someLiveCis, type EntityScript, type ItilStep, type World } from "./world.js";

const HOUR = 3_600_000;

function windowFrom(at: string): { start: string; end: string } {
  const start = Date.parse(at) + 24 * HOUR;
  return { start: new Date(start).toISOString(), end: new Date(start + 4 * HOUR).toISOString() };
}

/**
 * The life of one change. Normal (most): raised, assessed, two CAB votes, authorised (a few
 * are rejected, revised and voted again), scheduled, implemented, reviewed, closed. Emergency:
 * ECAB vote and authorisation, implementation, the CAB's retrospective votes and review.
 * Standard: authorised by its template on raising. A few are cancelled after assessment.
 */
export function* changeScript(world: World): EntityScript {
  const changeId = nextId(world, "CHG");
  const streamId = `change-${changeId}`;
  const step = (type: string, data: Record<string, unknown>, actors: readonly string[]): ItilStep => {
    const by = world.random.pick(actors);
    return { streamId, type, data: { changeId, at: world.at, by, ...data }, actor: by, correlationId: changeId };
  };
  const roll = world.random.next();
  const changeType = roll < 0.1 ? "emergency" : roll < 0.25 ? "standard" : "normal";
  const ciIds = someLiveCis(world, 1 + world.random.below(3));
  const scope = { level: "solution", ciIds };
  world.changes.push(changeId);
  if (changeType === "standard") {
    yield step("change.raised", { changeType, scope, title: "Monthly OS patching", templateId: "std-os-patch", risk: "low" }, people.requesters);
    yield step("change.authorised", { basis: "standard_template", approvers: [], quorum: 0 }, people.changeManagers);
    world.authorisedChanges.push(changeId);
  } else {
    yield step("change.raised", { changeType, scope, title: changeType === "emergency" ? "Hotfix for a production outage" : "Upgrade the component", description: "Requested by the service owner" }, people.requesters);
    const assessment = { risk: world.random.pick(["low", "medium", "high"]), impactSummary: "Short outage of the service", affectedCis: ciIds, implementationPlan: "Roll out node by node", testPlan: "Smoke tests after each node", backOutPlan: "Reinstall the previous package" };
    yield step("change.assessed", assessment, people.changeManagers);
    if (chance(world, 0.03)) {
      yield step("change.cancelled", { reason: "No longer needed" }, people.changeManagers);
      return;
    }
    if (changeType === "normal" && chance(world, 0.05)) {
      yield step("change.vote_cast", { round: "cab", vote: "reject", comment: "The back-out plan is not tested" }, people.cab);
      yield step("change.rejected", { round: "cab", approvers: [], rejectedBy: [people.cab[0]] }, people.cab);
      yield step("change.revised", { revision: 1, reason: "Back-out plan rehearsed" }, people.requesters);
      yield step("change.assessed", assessment, people.changeManagers);
    }
    if (changeType === "emergency") {
      yield step("change.vote_cast", { round: "ecab", vote: "approve", comment: "Go" }, people.ecab);
      yield step("change.authorised", { basis: "ecab", approvers: [people.ecab[0]], quorum: 1 }, people.ecab);
    } else {
      yield step("change.vote_cast", { round: "cab", vote: "approve", comment: "Fine" }, [people.cab[0]]);
      yield step("change.vote_cast", { round: "cab", vote: "approve", comment: "Agreed" }, [people.cab[1]]);
      yield step("change.authorised", { basis: "cab", approvers: [people.cab[0], people.cab[1]], quorum: 2 }, people.cab);
    }
    world.authorisedChanges.push(changeId);
  }
  if (changeType !== "emergency") yield step("change.scheduled", { window: windowFrom(world.at), ciIds, conflicts: [] }, people.changeManagers);
  yield step("change.implementation_started", {}, people.requesters);
  yield step("change.implemented", { outcome: chance(world, 0.95) ? "successful" : "backed_out", notes: "Done in the window" }, people.requesters);
  if (changeType === "emergency" && chance(world, 0.9)) {
    yield step("change.vote_cast", { round: "retrospective", vote: "approve", comment: "Right call" }, [people.cab[2]]);
    yield step("change.vote_cast", { round: "retrospective", vote: "approve", comment: "Endorsed" }, [people.cab[3]]);
    yield step("change.retrospectively_reviewed", { verdict: "endorsed", approvers: [people.cab[2], people.cab[3]], rejectedBy: [], quorum: 2 }, people.cab);
  }
  yield step("change.reviewed", { result: "successful", lessons: "Keep the checklist" }, people.changeManagers);
  yield step("change.closed", {}, people.changeManagers);
}

/**
 * The life of one release: planned with authorised changes and CI versions, built, tested
 * (a failed iteration means a new build and another iteration), approved, deployed to
 * staging and production (a few are rolled back), its back-out plan documented, closed
 * (every one: a release left open forever would make a longer log's world bigger).
 */
export function* releaseScript(world: World): EntityScript {
  const releaseId = nextId(world, "REL");
  const streamId = `release-${releaseId}`;
  const step = (type: string, data: Record<string, unknown>, actors: readonly string[] = people.releaseManagers): ItilStep => {
    const by = world.random.pick(actors);
    return { streamId, type, data: { releaseId, at: world.at, by, ...data }, actor: by, correlationId: releaseId };
  };
  const changeIds = [recent(world, world.authorisedChanges, 50)].filter((changeId) => changeId !== undefined);
  const cis = someLiveCis(world, 1 + world.random.below(4)).map((ciId) => ({ ciId, version: `${1 + world.random.below(5)}.${world.random.below(10)}` }));
  const withPlan = chance(world, 0.5);
  yield step("release.planned", { version: `${world.counters.get("REL") ?? 1}.0`, name: "Quarterly release", changeIds, cis, ...(withPlan ? { backOutPlan: "Redeploy the previous build" } : {}) });
  let build = 1;
  yield step("release.built", { build, artifact: `app-${releaseId}-b${build}.tar.gz`, checksum: `sha256:${releaseId}${build}` });
  let iteration = 1;
  yield step("release.test_iteration_started", { iteration, build, environment: "uat" }, people.testers);
  while (chance(world, 0.25)) {
    yield step("release.test_iteration_failed", { iteration, failedCases: ["TC-101 login", "TC-204 export"], incidentIds: [] }, people.testers);
    build++;
    iteration++;
    yield step("release.built", { build, artifact: `app-${releaseId}-b${build}.tar.gz`, checksum: `sha256:${releaseId}${build}` });
    yield step("release.test_iteration_started", { iteration, build, environment: "uat" }, people.testers);
  }
  yield step("release.test_iteration_passed", { iteration, notes: "All cases passed" }, people.testers);
  yield step("release.approved", { build, comment: "Exit criteria met" }, people.changeManagers);
  yield step("release.deployed", { environment: "staging", build });
  yield step("release.deployed", { environment: "production", build });
  if (chance(world, 0.05)) yield step("release.rolled_back", { reason: "Error rate doubled after the deployment" });
  else if (!withPlan) yield step("release.back_out_plan_documented", { backOutPlan: "Redeploy the previous build from the artifact store" });
  yield step("release.closed", {});
}
