import { ProjectCommand, projectCatalogue, projectDecider, streamIdOfProject, type ProjectCi, type ProjectFacts } from "@handover/project";
import { right } from "fp-ts/lib/Either.js";
import { defineProcess } from "../process-module.js";
import type { ReadinessSource } from "../readiness-source.js";
import { ciStates } from "../view-queries.js";

/**
 * The project process: the engine supplies every CI for baselines and readiness for
 * sign-off. Project commands are never phase-gated.
 */
export function projectProcess(readiness: ReadinessSource) {
  return defineProcess({
    name: "project",
    commandPrefix: "project",
    streamPrefix: "project",
    commandSchema: ProjectCommand,
    catalogue: projectCatalogue,
    decider: projectDecider,
    streamIdOf: (command) => streamIdOfProject(command.projectId),
    gatedProcess: () => undefined,
    facts: async ({ command, context, view, log }) => {
      if (command.type === "project.take_baseline") {
        const cis: ProjectCi[] = [];
        for (const ci of ciStates(view).values()) {
          const version = view.aggregate(`ci-${ci.ciId}`)?.version ?? 0;
          if (ci.status !== "none") cis.push({ ciId: ci.ciId, ciType: ci.ciType, status: ci.status, version });
        }
        return right<never, ProjectFacts>({ ...context, cis });
      }
      if (command.type === "project.sign_off_transition") {
        const verdict = await readiness({ view, log, projectId: command.projectId, at: context.at });
        return right<never, ProjectFacts>({ ...context, readiness: verdict });
      }
      return right<never, ProjectFacts>(context);
    },
  });
}
