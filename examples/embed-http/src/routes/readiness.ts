import { projectState, type Handover } from "@handover/engine";
import { transitionReadiness } from "@handover/projections";
import { ok, problem, type JsonResponse } from "../http-response.js";
import { timeQueryOf } from "./time-query.js";

/**
 * `GET /readiness`: the transition readiness of the log's project, now or as of a time:
 * the verdict and every check with its explanation and evidence positions. 404 while no
 * project has started; 400 when a time does not parse.
 */
export async function getReadiness(handover: Handover, query: URLSearchParams): Promise<JsonResponse> {
  const times = timeQueryOf(query);
  if (times._tag === "Left") return times.left;
  const project = projectState(await handover.view());
  if (project === undefined) return problem(404, "no_project", "no project has started in this log; POST a project.start command first");
  const readiness = await transitionReadiness(handover.log(), project.projectId, { ...times.right, policy: handover.policy });
  return ok({ ...times.right, ...readiness });
}
