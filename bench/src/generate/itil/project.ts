import { PROJECT_ID, people, roleAssignments, type ItilStep, type World } from "./world.js";

const PHASES = [
  [0.08, "initiation", "design"],
  [0.2, "design", "build"],
  [0.4, "build", "system_test"],
  [0.6, "system_test", "acceptance_test"],
  [0.8, "acceptance_test", "deployment"],
] as const;

/** The project's own events, each taken when it falls due rather than at random: phases, baselines, service levels. */
export interface ProjectSchedule {
  /** The project's next event if one is due at this point of the log. */
  due(world: World, progress: number): ItilStep | undefined;
}

const step = (world: World, type: string, data: Record<string, unknown>): ItilStep => ({
  streamId: `project-${PROJECT_ID}`,
  type,
  data: { projectId: PROJECT_ID, at: world.at, by: people.projectManager, ...data },
  actor: people.projectManager,
  correlationId: PROJECT_ID,
});

const baselineCi = (world: World, ciId: string) => ({ ciId, ciType: world.ciTypes.get(ciId) ?? "server", version: world.versions.get(`ci-${ciId}`) ?? 0 });

/**
 * The project's schedule for a log over `cis` CIs: started first; each phase entered at its
 * share of the log, followed by a project baseline of the requirements and documents; a
 * production baseline whenever enough CIs went into production; service levels agreed
 * whenever enough service CIs have none.
 */
export function projectSchedule(cis: number): ProjectSchedule {
  let started = false;
  let phase = 0;
  let baselineDue = false;
  let baselines = 0;
  const productionBatch = Math.max(1, Math.round(cis / 100));
  const servicesBatch = Math.max(1, Math.round(cis / 500));
  return {
    due(world, progress) {
      if (!started) {
        started = true;
        return step(world, "project.started", { name: "Bench replacement project", manager: people.projectManager, policy: { roles: roleAssignments } });
      }
      const next = PHASES[phase];
      if (next !== undefined && progress >= next[0]) {
        phase++;
        baselineDue = true;
        return step(world, "project.phase_entered", { from: next[1], to: next[2] });
      }
      if (baselineDue) {
        baselineDue = false;
        const ciIds = world.cis.filter((ciId) => world.liveCis.has(ciId) && ["requirement", "document"].includes(world.ciTypes.get(ciId) ?? ""));
        if (ciIds.length > 0) {
          baselines++;
          return step(world, "project.baseline_taken", { name: `Project baseline ${baselines}`, kind: "project", scope: { kind: "types", ciTypes: ["requirement", "document"] }, cis: ciIds.map((ciId) => baselineCi(world, ciId)) });
        }
      }
      if (world.awaitingProduction.length >= productionBatch) {
        const ciIds = world.awaitingProduction.splice(0, 500);
        for (const ciId of ciIds) world.productionScope.add(ciId);
        baselines++;
        return step(world, "project.baseline_taken", { name: `Production baseline ${baselines}`, kind: "production", scope: { kind: "cis", ciIds }, cis: ciIds.map((ciId) => baselineCi(world, ciId)) });
      }
      if (world.servicesWithoutLevels.length >= servicesBatch) {
        const services = world.servicesWithoutLevels.splice(0, 50);
        const targets = { "1": { responseMinutes: 15, resolutionMinutes: 240 }, "2": { responseMinutes: 30, resolutionMinutes: 480 }, "3": { responseMinutes: 240, resolutionMinutes: 1440 } };
        return step(world, "project.service_levels_agreed", { serviceLevels: services.map((service) => ({ service, availabilityPercent: 99.5, targets })) });
      }
      return undefined;
    },
  };
}
