import { asId } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { PlanRelease } from "./commands.js";
import { at, cmd, ev, factsFor, history, people, R3, spec } from "./fixtures/release-fixtures.js";

const manager = factsFor(people.releaseManager);
const builder = factsFor(people.builder, at("10:00"));
const tester = (clock = "11:00") => factsFor(people.tester, at(clock));

describe("planning a release", () => {
  it("plans the version, name, changes and CI versions; the planner is its release manager (none → planned)", () => {
    const state = spec.given([]).when(cmd.plan(), manager).then([ev.planned()]);
    expect(state).toMatchObject({ status: "planned", plannedBy: people.releaseManager, version: "2.4.0", changeIds: ["C-1", "C-2"], backOutPlan: "redeploy 2.3.1" });
  });

  it("refuses to plan it twice, and any other command before it is planned", () => {
    spec.given(history.built()).when(cmd.plan(), manager).thenError("release_exists", 'release R-3 already exists (status "built")');
    spec.given([]).when(cmd.build(), builder).thenError("release_not_found", "release R-3 has not been planned; plan it with release.plan before release.build");
    spec.given(history.planned()).when({ ...cmd.build(), releaseId: asId.release("R-4") }, builder).thenError("release_id_mismatch", "the command names release R-4");
  });

  it("refuses a plan without changes, or naming a change or CI twice", () => {
    const parse = (extra: object) => PlanRelease.safeParse({ ...cmd.plan(), ...extra }).error?.issues[0]?.message;
    expect(parse({ changeIds: [] })).toBe("a release bundles at least one change");
    expect(parse({ changeIds: ["C-1", "C-1"] })).toBe("each change is named once");
    expect(parse({ cis: [...cmd.plan().cis, ...cmd.plan().cis] })).toBe("each CI is named once");
    expect(parse({})).toBeUndefined();
  });
});

describe("builds and test iterations", () => {
  it("records numbered builds (planned → built, built → built)", () => {
    spec.given(history.planned()).when(cmd.build(), builder).then([ev.built(1)]);
    const state = spec.given(history.built()).when(cmd.build(2), builder).then([ev.built(2)]);
    expect(state.builds.map((build) => build.checksum)).toEqual(["sha256:1", "sha256:2"]);
  });

  it("refuses a test iteration before the first build", () => {
    spec.given(history.planned()).when(cmd.start(), tester()).thenError("invalid_transition", 'release R-3: cannot "start_test" while "planned"; "planned" accepts: build, document_back_out_plan');
  });

  it("starts iteration n on the latest build, in its environment (built → testing)", () => {
    const state = spec.given(history.built()).when(cmd.start(), tester()).then([ev.started(1, 1)]);
    expect(state.iterations).toMatchObject([{ number: 1, build: 1, environment: "system-test", result: "running" }]);
  });

  it("records a passed iteration (testing → test_passed)", () => {
    const state = spec.given(history.testing()).when(cmd.pass(), tester("12:00")).then([ev.passed(1)]);
    expect(state.iterations[0]).toMatchObject({ result: "passed", endedAt: at("12:00") });
  });

  it("records a failed iteration with its failed cases and incidents (testing → test_failed)", () => {
    const state = spec.given(history.testing()).when(cmd.fail(), tester("12:00")).then([ev.failed(1)]);
    expect(state.iterations[0]).toMatchObject({ result: "failed", failedCases: ["TC-7 export"], incidentIds: ["INC-88"] });
  });

  it("refuses a result when no iteration is running", () => {
    spec.given(history.test_passed()).when(cmd.fail(), tester()).thenError("invalid_transition", '"test_passed" accepts: build, start_test, approve, document_back_out_plan');
  });

  it("needs a new build after a failed iteration before the next one", () => {
    spec
      .given(history.test_failed())
      .when(cmd.start("uat"), tester("13:00"))
      .thenError("new_build_required", "release R-3: test iteration 1 failed on build 1; a new build (release.build) is needed before the next test iteration");
    spec.given(history.test_failed()).when(cmd.build(2), builder).then([ev.built(2)]);
    spec.given([...history.test_failed(), ev.built(2)]).when(cmd.start(), tester()).then([ev.started(2, 2)]);
  });

  it("allows another iteration, or a new build, after a passed one (test_passed → testing | built)", () => {
    spec.given(history.test_passed()).when(cmd.start("uat"), tester()).then([ev.started(2, 1, "uat")]);
    spec.given(history.test_passed()).when(cmd.build(2), builder).then([ev.built(2)]);
  });
});

describe("the back-out plan", () => {
  it("can be written down or replaced in every state before roll-back or closing, without moving the release", () => {
    for (const status of ["planned", "built", "testing", "test_passed", "test_failed", "approved", "deployed"] as const) {
      const state = spec.given(history[status]()).when(cmd.documentBackOutPlan("restore the VM snapshot"), factsFor(people.releaseManager, at("09:30"))).then([
        ev.backOutPlan("restore the VM snapshot"),
      ]);
      expect(state).toMatchObject({ status, backOutPlan: "restore the VM snapshot" });
    }
  });

  it("is refused once the release is rolled back or closed", () => {
    spec.given(history.rolled_back()).when(cmd.documentBackOutPlan(), manager).thenError("invalid_transition", '"rolled_back" accepts: close');
    spec.given(history.closed()).when(cmd.documentBackOutPlan(), manager).thenError("invalid_transition", `release ${R3}: cannot "document_back_out_plan" while "closed"; "closed" is final`);
  });
});
