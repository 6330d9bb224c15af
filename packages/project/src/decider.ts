import type { Decider } from "@handover/core";
import type { ProjectCommand } from "./commands.js";
import { decideProject } from "./decide.js";
import type { ProjectEvent } from "./events.js";
import { evolveProject } from "./evolve.js";
import type { ProjectFacts } from "./facts.js";
import { initialProjectState, type ProjectState } from "./state.js";

/** The project process as a decider: one project per stream (`project-<projectId>`). */
export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent, ProjectFacts> = {
  initialState: initialProjectState,
  decide: decideProject,
  evolve: evolveProject,
};
