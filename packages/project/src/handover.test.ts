import { fold } from "@handover/core";
import { decideWithRules, resolvePolicy, ruledDecider, type HandoverPolicy, type PolicyOverrides } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { projectDecider } from "./decider.js";
import { projectProcess } from "./descriptor.js";
import type { ProjectEvent, ProjectEventOf } from "./events.js";
import { command, facts, historyTo, notReady, phaseEntered, ready, serviceOwnerFacts, stamp, started } from "./fixtures/project-fixtures.js";

const spec = deciderSpec(ruledDecider(projectProcess));
const breachesOf = (given: readonly ProjectEvent[], overrideReason: string | undefined, decisionFacts: ReturnType<typeof facts>) => {
  const decided = decideWithRules(projectProcess, signOff(overrideReason), fold(projectDecider, given), decisionFacts, () => decisionFacts);
  return decided._tag === "Right" ? decided.right.breaches : decided.left.code;
};
const signOff = (overrideReason?: string) => command({ type: "project.sign_off_transition", ...(overrideReason === undefined ? {} : { overrideReason }) });
const signedOff = (data: Partial<ProjectEventOf<"project.transition_signed_off">["data"]>): ProjectEvent => ({
  type: "project.transition_signed_off",
  data: { ...stamp, by: "u-so", readiness: ready, ...data },
});

function policyWith(overrides: PolicyOverrides): HandoverPolicy {
  const resolved = resolvePolicy(overrides);
  if (resolved._tag === "Left") throw new Error(resolved.left);
  return resolved.right;
}
const recordAll = policyWith({ rules: { approver_role: "record", signoff_readiness: "record" } });

describe("requesting the transition", () => {
  it("is refused before deployment, naming the phase it is accepted from", () => {
    spec.given([started, phaseEntered("initiation", "acceptance_test")]).when(command({ type: "project.request_transition" }), facts()).thenError("phase_too_early", 'cannot "request_transition" in phase acceptance_test; it is accepted from phase deployment');
  });

  it("is accepted in deployment, with a note", () => {
    spec.given(historyTo("active")).when(command({ type: "project.request_transition", note: "go-live 1 April" }), facts()).then([{ type: "project.transition_requested", data: { ...stamp, note: "go-live 1 April" } }]);
  });

  it("is withdrawn with a reason, and the project can move back then", () => {
    const state = spec.given(historyTo("transition_requested")).when(command({ type: "project.withdraw_transition", reason: "load test failed" }), facts()).then([
      { type: "project.transition_withdrawn", data: { ...stamp, reason: "load test failed" } },
    ]);
    expect(state.status).toBe("active");
    spec.given([...historyTo("transition_requested"), { type: "project.transition_withdrawn", data: { ...stamp, reason: "load test failed" } }])
      .when(command({ type: "project.enter_phase", phase: "system_test", reason: "load test failed" }), facts())
      .then([phaseEntered("deployment", "system_test", "load test failed")]);
  });
});

describe("signing the transition off", () => {
  const requested = historyTo("transition_requested");

  it("is accepted from a service owner when readiness passes", () => {
    const state = spec.given(requested).when(signOff(), serviceOwnerFacts()).then([signedOff({})]);
    expect(state.status).toBe("signed_off");
  });

  it("is refused from an actor without the service_owner role, naming the roles held", () => {
    spec.given(requested).when(signOff(), facts()).thenError("not_service_owner", "u-pm holds project_manager; only a service owner signs the transition off; assign service_owner to u-pm");
    spec.given(requested).when(signOff(), facts({ roles: [] })).thenError("not_service_owner", "u-pm holds no role");
  });

  it("is accepted without the role when the policy records approver_role, and the event keeps the breach for its meta", () => {
    spec.given(requested).when(signOff(), facts({ policy: recordAll })).then([signedOff({ by: "u-pm" })]);
    expect(breachesOf(requested, undefined, facts({ policy: recordAll }))).toEqual([[{ rule: "approver_role", message: expect.stringContaining("project crm: u-pm holds project_manager; only a service owner signs the transition off") }]]);
  });

  it("is refused when readiness does not pass, naming the failing checks and the override", () => {
    spec.given(requested).when(signOff(), serviceOwnerFacts({ readiness: notReady })).thenError(
      "not_ready",
      "transition readiness does not pass (no_open_major_incidents: INC0045 is open at priority 1); make the checks pass, or sign off with an overrideReason",
    );
  });

  it("is accepted with an override reason when readiness does not pass; the event keeps the readiness and the reason", () => {
    spec.given(requested).when(signOff("known error documented, fix in week 2"), serviceOwnerFacts({ readiness: notReady })).then([
      signedOff({ readiness: notReady, override: { reason: "known error documented, fix in week 2" } }),
    ]);
  });

  it("is accepted when readiness does not pass and the policy records signoff_readiness, and the event keeps the breach for its meta", () => {
    spec.given(requested).when(signOff(), serviceOwnerFacts({ readiness: notReady, policy: recordAll })).then([signedOff({ readiness: notReady })]);
    expect(breachesOf(requested, undefined, serviceOwnerFacts({ readiness: notReady, policy: recordAll }))).toEqual([
      [{ rule: "signoff_readiness", message: expect.stringContaining("project crm: transition readiness does not pass (no_open_major_incidents: INC0045 is open at priority 1)") }],
    ]);
  });

  it("keeps both breaches when both rules are recorded and both are broken", () => {
    const state = spec.given(requested).when(signOff(), facts({ readiness: notReady, policy: recordAll })).then([signedOff({ by: "u-pm", readiness: notReady })]);
    expect(breachesOf(requested, undefined, facts({ readiness: notReady, policy: recordAll }))).toEqual([
      [
        { rule: "approver_role", message: expect.stringContaining("u-pm holds project_manager") },
        { rule: "signoff_readiness", message: expect.stringContaining("transition readiness does not pass") },
      ],
    ]);
    expect(state.status).toBe("signed_off");
  });

  it("is refused when the engine supplies no readiness", () => {
    const { readiness: _readiness, ...withoutReadiness } = serviceOwnerFacts();
    expect(projectDecider.decide(signOff(), fold(projectDecider, requested), withoutReadiness)).toMatchObject({ left: { code: "missing_fact", message: expect.stringContaining("facts.readiness") } });
  });
});

describe("closing", () => {
  it("needs no reason after handover", () => {
    spec.given(historyTo("handed_over")).when(command({ type: "project.close" }), facts()).then([{ type: "project.closed", data: stamp }]);
  });

  it("needs a reason when the project never handed over", () => {
    spec.given(historyTo("active")).when(command({ type: "project.close" }), facts()).thenError("reason_required", "closing without a handover (status active) needs a reason");
  });

  it("closes without handover with a reason", () => {
    const state = spec.given([started]).when(command({ type: "project.close", reason: "cancelled by the board" }), facts()).then([{ type: "project.closed", data: { ...stamp, reason: "cancelled by the board" } }]);
    expect(state).toMatchObject({ status: "closed", phase: "closed" });
  });
});
