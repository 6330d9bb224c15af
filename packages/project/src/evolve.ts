import type { Draft } from "immer";
import type { ProjectEvent } from "./events.js";
import { statusAfter } from "./lifecycle.js";
import type { ProjectState } from "./state.js";

/** The immer recipe of a project: applies one project event to a draft, its status from the lifecycle table (`statusAfter`). */
export function evolveProject(draft: Draft<ProjectState>, event: ProjectEvent): void {
  draft.status = statusAfter(draft.status, event.type);
  switch (event.type) {
    case "project.started":
      draft.projectId = event.data.projectId;
      draft.name = event.data.name;
      draft.manager = event.data.manager;
      draft.phase = "initiation";
      draft.policy = event.data.policy;
      return;
    case "project.phase_entered":
      draft.phase = event.data.to;
      return;
    case "project.role_granted":
    case "project.role_revoked":
      draft.roleChanges[event.data.actor] ??= {};
      (draft.roleChanges[event.data.actor] as Partial<Record<string, boolean>>)[event.data.role] = event.type === "project.role_granted";
      return;
    case "project.service_levels_agreed":
      for (const level of event.data.serviceLevels) draft.serviceLevels[level.service] = level;
      return;
    case "project.baseline_taken":
      draft.baselines.push({ name: event.data.name, kind: event.data.kind, at: event.data.at, cis: event.data.cis });
      return;
    case "project.early_life_support_started":
      draft.phase = "early_life_support";
      return;
    case "project.closed":
      draft.phase = "closed";
      return;
    default:
      return;
  }
}
