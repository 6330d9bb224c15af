import { hasBackOutPlan, lastTestIteration, whyNotTested, type ReleaseState } from "@handover/release";
import { counted, listed, type CheckContext, type CheckDefinition } from "./check.js";

/** The release that went to production last of those there now, with its state (read once: not every release in production, which a timeline would do after every event). */
function currentRelease(context: CheckContext): { releaseId: string; position: number; release: ReleaseState } | undefined {
  const latest = context.state.inProduction.latest();
  if (latest === undefined) return undefined;
  const release = context.state.history.aggregates.of("release").get(latest.releaseId)?.state;
  return release === undefined ? undefined : { ...latest, release };
}

/** The release in production passed its last test iteration and has a back-out plan. */
export const productionReleaseCheck: CheckDefinition = {
  name: "production_release",
  passes: (context) => {
    const current = currentRelease(context);
    return current !== undefined && whyNotTested(current.release) === undefined && hasBackOutPlan(current.release);
  },
  outcome(context) {
    const current = currentRelease(context);
    if (current === undefined) return { passes: false, explanation: "no release is in production; deploy the release to production (release.deploy) once its last test iteration passed", evidence: [] };
    const { releaseId, release, position } = current;
    const label = `release ${releaseId} (version ${release.version}) in production`;
    const problems = [whyNotTested(release), hasBackOutPlan(release) ? undefined : "it has no back-out plan"].filter((problem) => problem !== undefined);
    if (problems.length > 0) {
      return { passes: false, explanation: `${label}: ${problems.join("; ")}; pass a test iteration on its latest build and document a back-out plan, or roll it back`, evidence: [position] };
    }
    const iteration = lastTestIteration(release);
    return { passes: true, explanation: `${label} passed test iteration ${iteration?.number ?? "?"} on build ${iteration?.build ?? "?"} and has a back-out plan`, evidence: [position] };
  },
};

function servicesWithoutLevels(context: CheckContext): string[] {
  const agreed = context.project?.serviceLevels ?? {};
  const missing: string[] = [];
  for (const ciType of context.criteria.serviceCiTypes) {
    for (const ciId of context.state.cisByType.get(ciType)?.keys() ?? []) if (!Object.hasOwn(agreed, ciId)) missing.push(ciId);
  }
  return missing;
}

/** Service levels are agreed, for every service CI in service. */
export const serviceLevelsCheck: CheckDefinition = {
  name: "service_levels",
  passes: (context) => context.project !== undefined && Object.keys(context.project.serviceLevels).length > 0 && servicesWithoutLevels(context).length === 0,
  outcome(context) {
    const agreed = Object.keys(context.project?.serviceLevels ?? {});
    const evidence = [...(context.state.agreements.get(context.projectId)?.values() ?? [])].sort((a, b) => a - b);
    if (agreed.length === 0) {
      return { passes: false, explanation: `project ${context.projectId} has no agreed service levels; agree them with the service owner (project.agree_service_levels)`, evidence: [] };
    }
    const missing = servicesWithoutLevels(context);
    if (missing.length > 0) {
      return { passes: false, explanation: `${counted(missing.length, "service CI", ["has", "have"])} no agreed service levels: ${listed(missing)}; agree service levels for them`, evidence };
    }
    return { passes: true, explanation: `service levels are agreed for ${listed(agreed)}`, evidence };
  },
};
