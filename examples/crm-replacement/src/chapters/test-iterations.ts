import type { ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { foundIn, type IncidentSpec } from "../story/incident-spec.js";

/** A failed test iteration: where it ran, when, the incidents the story logs in it, and retests of reopened incidents that failed too. */
export interface FailedIteration {
  readonly releaseId: string;
  readonly number: number;
  readonly environment: "system-test" | "uat";
  readonly started: string;
  readonly failed: string;
  readonly incidents: readonly IncidentSpec[];
  readonly retests?: readonly { readonly testCase: string; readonly incidentId: string }[];
}

/** The test manager starts the iteration and records its failure with the failed cases and their incidents. */
export function failedIteration(agenda: ChapterAgenda, iteration: FailedIteration): void {
  const { releaseId, number, environment, retests = [] } = iteration;
  const found = foundIn(iteration.incidents, `${releaseId}#${number}`);
  agenda.does(iteration.started, people.testManager, { type: "release.start_test_iteration", releaseId, environment });
  agenda.does(iteration.failed, people.testManager, {
    type: "release.fail_test_iteration",
    releaseId,
    failedCases: [...found.failedCases, ...retests.map((retest) => retest.testCase)],
    incidentIds: [...found.incidentIds, ...retests.map((retest) => retest.incidentId)],
  });
}
