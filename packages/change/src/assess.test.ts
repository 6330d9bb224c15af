import { describe, expect, it } from "vitest";
import { ci, cmd, ev, factsFor, history, people, policyWith, spec } from "./fixtures/change-fixtures.js";

const assessor = factsFor(people.assessor, "2026-03-02T10:00:00.000Z");
const noPlan = { backOutPlan: undefined };

describe("assessing a change", () => {
  it("records risk, impact, affected CIs and plans (raised → assessed)", () => {
    const command = cmd.assess("high", { affectedCis: [ci.app] });
    const state = spec.given(history.raised()).when(command, assessor).then([ev.assessed("high", { affectedCis: [ci.app] })]);
    expect(state).toMatchObject({ status: "assessed", risk: "high", assessors: [people.assessor] });
    expect(state.assessment).toMatchObject({ affectedCis: [ci.app], backOutPlan: "restore the snapshot", assessedBy: people.assessor });
  });

  it("refuses an assessment at or above the policy's risk without a back-out plan", () => {
    spec
      .given(history.raised())
      .when(cmd.assess("medium", noPlan), assessor)
      .thenError("back_out_plan_required", "change C-17: risk medium needs a back-out plan (the policy requires one from risk medium); add backOutPlan to the assessment");
    spec.given(history.raised()).when(cmd.assess("high", noPlan), assessor).thenError("back_out_plan_required", "risk high");
  });

  it("accepts an assessment below the policy's risk without a back-out plan", () => {
    const state = spec.given(history.raised()).when(cmd.assess("low", noPlan), assessor).then([ev.assessed("low", noPlan)]);
    expect(state.assessment?.backOutPlan).toBeUndefined();
  });

  it("takes the threshold from the policy", () => {
    const fromHigh = factsFor(people.assessor, assessor.at, { policy: policyWith({ change: { backOutPlanRequiredFrom: "high" } }) });
    spec.given(history.raised()).when(cmd.assess("medium", noPlan), fromHigh).then([ev.assessed("medium", noPlan)]);
    const fromLow = factsFor(people.assessor, assessor.at, { policy: policyWith({ change: { backOutPlanRequiredFrom: "low" } }) });
    spec.given(history.raised()).when(cmd.assess("low", noPlan), fromLow).thenError("back_out_plan_required", "from risk low");
  });

  it("is refused once the change is assessed, naming what the state accepts", () => {
    spec
      .given(history.assessed())
      .when(cmd.assess(), assessor)
      .thenError("invalid_transition", 'change C-17: cannot "assess" while "assessed" (normal change); "assessed" accepts: vote, cancel');
  });
});
