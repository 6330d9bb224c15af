import { createInMemoryEventStore, fixedClock, handleCommand, loadStream, sequentialIds } from "@handover/core";
import { describe, expect, it } from "vitest";
import { ReleaseCommand } from "./commands.js";
import { releaseDecider, streamIdOfRelease } from "./decide.js";
import { releaseCatalogue } from "./events.js";
import { at, factsFor, people } from "./fixtures/release-fixtures.js";
import { isInProduction, lastIterationPassed } from "./queries.js";

const R = { releaseId: "R-3" };
/** Each step: who, when, and the command as JSON, as it would arrive at the engine. */
const steps: readonly [string, string, unknown][] = [
  [people.releaseManager, at("09:00"), { type: "release.plan", ...R, version: "2.4.0", name: "CRM spring", changeIds: ["C-1", "C-2"], cis: [{ ciId: "crm-app", version: "2.4.0" }] }],
  [people.builder, at("10:00"), { type: "release.build", ...R, artifact: "crm-2.4.0+1.tgz", checksum: "sha256:aa" }],
  [people.tester, at("11:00"), { type: "release.start_test_iteration", ...R, environment: "system-test" }],
  [people.tester, at("12:00"), { type: "release.fail_test_iteration", ...R, failedCases: ["TC-7"], incidentIds: ["INC-88"] }],
  [people.builder, at("13:00"), { type: "release.build", ...R, artifact: "crm-2.4.0+2.tgz", checksum: "sha256:bb" }],
  [people.tester, at("14:00"), { type: "release.start_test_iteration", ...R, environment: "uat" }],
  [people.tester, at("15:00"), { type: "release.pass_test_iteration", ...R }],
  [people.changeManager, at("16:00"), { type: "release.approve", ...R, comment: "C-1 and C-2 authorised" }],
  [people.releaseManager, at("16:30"), { type: "release.document_back_out_plan", ...R, backOutPlan: "redeploy 2.3.1" }],
  [people.releaseManager, at("17:00"), { type: "release.deploy", ...R, environment: "staging" }],
  [people.releaseManager, at("22:00"), { type: "release.deploy", ...R, environment: "production" }],
  [people.releaseManager, at("10:00", 3), { type: "release.close", ...R }],
];

describe("a release from plan to production, through a store that checks every event against the catalogue", () => {
  it("parses each command, appends only events that pass their schemas, and replays to a closed release in production", async () => {
    const store = createInMemoryEventStore({ catalogue: releaseCatalogue, clock: fixedClock(at("12:00", 3)), ids: sequentialIds("e") });
    const streamId = streamIdOfRelease("R-3");
    for (const [actor, when, json] of steps) {
      const command = ReleaseCommand.parse(json);
      const result = await handleCommand(store, releaseDecider, streamId, command, { actor, occurredAt: when }, { facts: factsFor(actor, when) });
      if (result._tag === "Left") throw new Error(`${command.type}: ${result.left.message}`);
    }
    const { state, version } = await loadStream(store, releaseDecider, streamId);
    expect(version).toBe(steps.length);
    expect(state).toMatchObject({ status: "closed", approval: { by: people.changeManager, build: 2 }, deployments: [{ environment: "staging", build: 2 }, { environment: "production", build: 2 }] });
    expect(state.iterations.map((iteration) => [iteration.number, iteration.build, iteration.result])).toEqual([
      [1, 1, "failed"],
      [2, 2, "passed"],
    ]);
    expect(isInProduction(state) && lastIterationPassed(state)).toBe(true);
  });
});
