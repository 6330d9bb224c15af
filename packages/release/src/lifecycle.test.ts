import { fold, lifecycleTable, reachableStates } from "@handover/core";
import { ruledDecider } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { releaseProcess } from "./descriptor.js";
import type { ReleaseCommand } from "./commands.js";
import { releaseDecider } from "./decide.js";
import type { ReleaseEvent } from "./events.js";
import { at, cmd, factsFor, history, people } from "./fixtures/release-fixtures.js";
import { releaseLifecycle, releaseStimulusOf, type ReleaseStatus, type ReleaseStimulus } from "./lifecycle.js";

/** A history that brings R-3 to each state. */
const histories: Readonly<Record<ReleaseStatus, readonly ReleaseEvent[]>> = {
  none: [],
  planned: history.planned(),
  built: history.built(),
  testing: history.testing(),
  test_passed: history.test_passed(),
  test_failed: history.test_failed(),
  approved: history.approved(),
  deployed: history.inProduction(),
  rolled_back: history.rolled_back(),
  closed: history.closed(),
};

/** A command of each kind for R-3, with facts that meet every rule that can be met in that state. */
const commands: Readonly<Record<ReleaseStimulus, [ReleaseCommand, ReturnType<typeof factsFor>]>> = {
  plan: [cmd.plan(), factsFor(people.releaseManager)],
  build: [cmd.build(), factsFor(people.builder)],
  start_test: [cmd.start(), factsFor(people.tester)],
  pass_test: [cmd.pass(), factsFor(people.tester)],
  fail_test: [cmd.fail(), factsFor(people.tester)],
  approve: [cmd.approve(), factsFor(people.changeManager)],
  deploy: [cmd.deploy("production"), factsFor(people.releaseManager)],
  roll_back: [cmd.rollBack(), factsFor(people.releaseManager)],
  close: [cmd.close(), factsFor(people.releaseManager)],
  document_back_out_plan: [cmd.documentBackOutPlan(), factsFor(people.releaseManager, at("18:00"))],
};

/** The refusal each accepted-by-the-table command still earns from a rule in that state. */
const ruleRefusals: Partial<Record<`${ReleaseStatus} ${ReleaseStimulus}`, string>> = {
  "built approve": "release_not_tested",
  "test_failed approve": "release_not_tested",
};

/** Refusals that say more than the table. */
function expectedRefusal(stimulus: ReleaseStimulus, status: ReleaseStatus): string {
  if (stimulus === "plan") return "release_exists";
  if (status === "none") return "release_not_found";
  if (stimulus === "start_test" && status === "test_failed") return "new_build_required";
  if (stimulus === "deploy" && ["planned", "built", "testing", "test_passed", "test_failed"].includes(status)) return "not_approved";
  return "invalid_transition";
}

describe("the release lifecycle table", () => {
  it("is the lifecycle of the issue, edge for edge", () => {
    const edges = Object.entries(releaseLifecycle).flatMap(([from, row]) => Object.entries(row).map(([stimulus, to]) => `${from} -${stimulus}-> ${to}`));
    expect(edges.filter((edge) => !edge.includes("document_back_out_plan"))).toEqual([
      "none -plan-> planned",
      "planned -build-> built",
      "built -build-> built",
      "built -start_test-> testing",
      "built -approve-> approved",
      "testing -pass_test-> test_passed",
      "testing -fail_test-> test_failed",
      "test_passed -build-> built",
      "test_passed -start_test-> testing",
      "test_passed -approve-> approved",
      "test_failed -build-> built",
      "test_failed -approve-> approved",
      "approved -deploy-> deployed",
      "deployed -deploy-> deployed",
      "deployed -roll_back-> rolled_back",
      "deployed -close-> closed",
      "rolled_back -close-> closed",
    ]);
    const documenting = edges.filter((edge) => edge.includes("document_back_out_plan"));
    expect(documenting).toEqual(["planned", "built", "testing", "test_passed", "test_failed", "approved", "deployed"].map((status) => `${status} -document_back_out_plan-> ${status}`));
    expect([...reachableStates(releaseLifecycle, "none")].sort()).toEqual(Object.keys(histories).sort());
  });

  for (const status of Object.keys(histories) as ReleaseStatus[]) {
    it(`${status}: accepts exactly the commands its row names, and each leads where the row says`, () => {
      const before = fold(releaseDecider, histories[status]);
      for (const stimulus of Object.values(releaseStimulusOf)) {
        const [command, facts] = commands[stimulus];
        const decision = ruledDecider(releaseProcess).decide(command, before, facts);
        const next = releaseLifecycle[status][stimulus];
        const expectedCode = next === undefined ? expectedRefusal(stimulus, status) : ruleRefusals[`${status} ${stimulus}`];
        if (expectedCode !== undefined) {
          expect(decision._tag === "Left" && decision.left.code, `${status} ${stimulus}`).toBe(expectedCode);
          continue;
        }
        if (decision._tag === "Left") throw new Error(`${status} ${stimulus} was refused: ${decision.left.message}`);
        expect(fold(releaseDecider, decision.right, before).status, `${status} ${stimulus}`).toBe(next);
      }
    });
  }

  it("prints for the docs", () => {
    expect(lifecycleTable(releaseLifecycle)).toContain("| test_failed | build | built |");
  });
});
