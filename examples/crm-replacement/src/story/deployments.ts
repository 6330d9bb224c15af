import { createHash } from "node:crypto";
import type { ChapterAgenda } from "./agenda.js";
import { people } from "./cast.js";
import { standardChange } from "./changes.js";
import { instant, minutesAfter, nextWorkingDayAt, on } from "./time.js";

const { releaseManager: farah, changeManager: carla } = people;

/** The checksum a build pipeline would publish for an artefact (deterministic: the story has no real files). */
export function checksumOf(artifact: string): string {
  return `sha256:${createHash("sha256").update(artifact).digest("hex")}`;
}

/** Records a release build: the artefact name from the version, and its checksum. */
export function recordBuild(agenda: ChapterAgenda, at: string, releaseId: string, version: string): void {
  const artifact = `orbit-crm-${version}.tar.gz`;
  agenda.does(at, farah, { type: "release.build", releaseId, artifact, checksum: checksumOf(artifact) });
}

/** Sets the `version` attribute of application CIs under a change, a minute apart. */
export function setVersions(agenda: ChapterAgenda, at: string, by: string, changeId: string, ciIds: readonly string[], version: string): void {
  ciIds.forEach((ciId, index) => agenda.does(minutesAfter(instant(at), index), by, { type: "ci.set_attribute", ciId, changeId, name: "version", value: version }));
}

/** A new build of a release deployed to the test environment under a pre-authorised standard change. */
export interface TestDeployment {
  readonly changeId: string;
  readonly releaseId: string;
  readonly version: string;
  readonly raised: string;
  /** The window's start; the window lasts two hours. */
  readonly windowStart: string;
  readonly ciIds: readonly string[];
}

/**
 * The release manager raises a standard change from the `std-test-deploy` template, records
 * the build half an hour into the window, sets the CIs' versions under the change, and the
 * change manager reviews and closes the change the next working morning.
 */
export function testDeployment(agenda: ChapterAgenda, deployment: TestDeployment): void {
  const start = on(deployment.windowStart);
  const end = minutesAfter(start, 120);
  const reviewed = nextWorkingDayAt(start, "10:00");
  recordBuild(agenda, minutesAfter(start, 30), deployment.releaseId, deployment.version);
  standardChange(agenda, {
    changeId: deployment.changeId,
    templateId: "std-test-deploy",
    title: `Deploy Orbit CRM ${deployment.version} to the test environment`,
    ciIds: deployment.ciIds,
    raised: { at: deployment.raised, by: farah },
    delivery: {
      scheduled: { at: minutesAfter(on(deployment.raised), 5), by: farah, window: [deployment.windowStart, end] },
      started: { at: start, by: farah },
      work: (work) => setVersions(work, minutesAfter(start, 40), farah, deployment.changeId, deployment.ciIds, deployment.version),
      completed: { at: minutesAfter(start, 90), by: farah, notes: `${deployment.version} deployed; pipeline smoke suite green` },
      reviewed: { at: reviewed, by: carla, lessons: "Pre-authorised deployment within its template; nothing to learn" },
      closed: { at: minutesAfter(reviewed, 5), by: carla },
    },
  });
}
