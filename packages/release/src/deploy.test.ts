import { fold } from "@handover/core";
import { decideWithRules } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { releaseDecider } from "./decide.js";
import { releaseProcess } from "./descriptor.js";
import { at, cmd, ev, factsFor, history, people, policyWith, spec } from "./fixtures/release-fixtures.js";
import { isDeployedTo, isInProduction, lastIterationPassed } from "./queries.js";

const deployer = (clock = "14:00", overrides = {}) => factsFor(people.releaseManager, at(clock), overrides);

describe("deploying a release", () => {
  it("deploys an approved release to test or staging (approved → deployed)", () => {
    spec.given(history.approved()).when(cmd.deploy("test"), deployer()).then([ev.deployed("test")]);
    const state = spec.given(history.approved()).when(cmd.deploy("staging"), deployer()).then([ev.deployed("staging")]);
    expect(state).toMatchObject({ status: "deployed", deployments: [{ environment: "staging", build: 1 }] });
  });

  it("refuses to deploy a release that is not approved", () => {
    spec.given(history.test_passed()).when(cmd.deploy("test"), deployer()).thenError("not_approved", 'release R-3: deployment needs approval and the release is "test_passed"; approve it first (release.approve)');
  });

  it("deploys to production with approval and a back-out plan (deployed → deployed)", () => {
    const state = spec.given(history.deployed()).when(cmd.deploy("production"), deployer("15:00")).then([ev.deployed("production", 1, at("15:00"))]);
    expect(isInProduction(state)).toBe(true);
    spec.given(history.approved()).when(cmd.deploy("production"), deployer()).then([ev.deployed("production")]);
  });

  it("refuses production without a back-out plan, and accepts once one is written down", () => {
    const noPlan = [ev.planned({ backOutPlan: undefined }), ...history.approved().slice(1)];
    spec
      .given(noPlan)
      .when(cmd.deploy("production"), deployer())
      .thenError("back_out_plan_required", "release R-3: production deployment needs a back-out plan; write one down with release.document_back_out_plan");
    spec.given(noPlan).when(cmd.deploy("staging"), deployer()).then([ev.deployed("staging")]);
    spec.given([...noPlan, ev.backOutPlan()]).when(cmd.deploy("production"), deployer()).then([ev.deployed("production")]);
  });

  it("rechecks the last iteration for production: an approval the policy recorded does not carry an untested build there", () => {
    const recordedApproval = [...history.test_failed(), ev.approved(1)];
    spec.given(recordedApproval).when(cmd.deploy("production"), deployer()).thenError("release_not_tested", "iteration 1 failed on build 1");
    spec.given(recordedApproval).when(cmd.deploy("staging"), deployer()).then([ev.deployed("staging")]);
    const policy = policyWith({ rules: { release_tested: "record" } });
    spec.given(recordedApproval).when(cmd.deploy("production"), deployer("14:00", { policy })).then([ev.deployed("production", 1, at("14:00"))]);
    const facts = deployer("14:00", { policy });
    const decided = decideWithRules(releaseProcess, cmd.deploy("production"), fold(releaseDecider, recordedApproval), facts, () => facts);
    expect(decided._tag === "Right" && decided.right.breaches).toEqual([[{ rule: "release_tested", message: expect.stringContaining("iteration 1 failed on build 1") }]]);
  });
});

describe("rolling back and closing", () => {
  it("rolls back a production deployment (deployed → rolled_back)", () => {
    const state = spec.given(history.inProduction()).when(cmd.rollBack(), deployer("16:00")).then([ev.rolledBack()]);
    expect(state).toMatchObject({ status: "rolled_back", rollback: { reason: "login errors" } });
    expect(isInProduction(state)).toBe(false);
    expect(isDeployedTo(state, "production")).toBe(true);
  });

  it("refuses to roll back a release that never reached production", () => {
    spec
      .given(history.deployed())
      .when(cmd.rollBack(), deployer("16:00"))
      .thenError("not_in_production", "release R-3: only a production deployment is rolled back, and the release was deployed to staging only");
  });

  it("closes a deployed or rolled-back release (→ closed), after which it is final", () => {
    const state = spec.given(history.inProduction()).when(cmd.close(), deployer("17:00")).then([ev.closed()]);
    expect(state).toMatchObject({ status: "closed", closedAt: at("17:00") });
    expect(lastIterationPassed(state)).toBe(true);
    spec.given(history.rolled_back()).when(cmd.close(), deployer("17:00")).then([ev.closed()]);
    spec.given(history.closed()).when(cmd.deploy("production"), deployer()).thenError("invalid_transition", '"closed" is final');
  });

  it("refuses to close before deployment", () => {
    spec.given(history.approved()).when(cmd.close(), deployer()).thenError("invalid_transition", '"approved" accepts: deploy, document_back_out_plan');
  });
});

