import { fold } from "@handover/core";
import { decideWithRules } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { changeDecider } from "./decide.js";
import { changeProcess } from "./descriptor.js";
import { at, cmd, ev, factsFor, history, people, policyWith, spec, window } from "./fixtures/change-fixtures.js";

const voter = (actor: string, policy = policyWith()) => factsFor(actor, at("11:00"), { policy });
const medium = history.assessed("medium");

describe("CAB votes on a normal change", () => {
  it("records a vote that does not reach the quorum (assessed → assessed)", () => {
    const state = spec.given(medium).when(cmd.vote(), voter(people.cab1)).then([ev.vote(people.cab1)]);
    expect(state).toMatchObject({ status: "assessed", votes: [{ approver: people.cab1, vote: "approve" }] });
  });

  it("authorises when approvals reach the quorum for the risk (assessed → authorised): low 1, medium 2, high 3", () => {
    spec.given(history.assessed("low")).when(cmd.vote(), voter(people.cab1)).then([ev.vote(people.cab1), ev.authorised(people.cab1, [people.cab1])]);
    const state = spec
      .given([...medium, ev.vote(people.cab1)])
      .when(cmd.vote(), voter(people.cab2))
      .then([ev.vote(people.cab2), ev.authorised(people.cab2, [people.cab1, people.cab2])]);
    expect(state).toMatchObject({ status: "authorised", authorisation: { basis: "cab", approvers: [people.cab1, people.cab2] } });
    const high = history.assessed("high");
    spec.given([...high, ev.vote(people.cab1), ev.vote(people.cab2)]).when(cmd.vote(), voter(people.cab3)).then([
      ev.vote(people.cab3),
      ev.authorised(people.cab3, [people.cab1, people.cab2, people.cab3]),
    ]);
    spec.given([...high, ev.vote(people.cab1)]).when(cmd.vote(), voter(people.cab2)).then([ev.vote(people.cab2)]);
  });

  it("takes the quorum from the policy", () => {
    const policy = policyWith({ change: { quorumByRisk: { low: 2, medium: 2, high: 3 } } });
    spec.given(history.assessed("low")).when(cmd.vote(), voter(people.cab1, policy)).then([ev.vote(people.cab1)]);
  });

  it("refuses to schedule a change short of its quorum, with the arithmetic", () => {
    spec
      .given([...medium, ev.vote(people.cab1)])
      .when(cmd.schedule(window.start, window.end), voter(people.assessor))
      .thenError("not_authorised", "change C-17: needs 2 CAB approvals for risk medium, has 1 (u-104)");
    spec.given(medium).when(cmd.start(), voter(people.assessor)).thenError("not_authorised", "needs 2 CAB approvals for risk medium, has 0");
  });

  it("refuses a voter without the CAB role, and accepts one with it", () => {
    spec
      .given(medium)
      .when(cmd.vote(), voter(people.developer))
      .thenError("approver_role", "change C-17: u-300 cannot vote in the CAB: the role cab_member is needed; ask a holder of cab_member to vote");
    spec.given(medium).when(cmd.vote(), voter(people.ecab)).thenError("approver_role", "cab_member");
    spec.given(medium).when(cmd.vote(), voter(people.cab3)).then([ev.vote(people.cab3)]);
  });

  it("refuses the requester and the assessor a vote on their own change, though both sit on the CAB", () => {
    spec.given(medium).when(cmd.vote(), voter(people.requester)).thenError("segregation_of_duties", "change C-17: u-101 raised this change and cannot vote on it");
    spec.given(medium).when(cmd.vote("reject"), voter(people.assessor)).thenError("segregation_of_duties", "change C-17: u-102 assessed this change and cannot vote on it");
  });

  it("keeps an earlier revision's assessor out of the vote on the revised change", () => {
    const revised = [...history.rejected(), ev.revised(), ev.assessed("low", { by: people.cab3 })];
    spec.given(revised).when(cmd.vote(), voter(people.assessor)).thenError("segregation_of_duties", "u-102 assessed this change");
    spec.given(revised).when(cmd.vote(), voter(people.cab1)).then([ev.vote(people.cab1), ev.authorised(people.cab1, [people.cab1])]);
  });

  it("keeps whoever revised the change out of the vote on it, a CAB member included", () => {
    const revisedByCab = [...history.rejected(), ev.revised(1, { by: people.cab2 }), ev.assessed("low", { by: people.cab3 })];
    spec.given(revisedByCab).when(cmd.vote(), voter(people.cab2)).thenError("segregation_of_duties", "u-105 revised this change and cannot vote on it");
    spec.given(revisedByCab).when(cmd.vote(), voter(people.cab1)).then([ev.vote(people.cab1), ev.authorised(people.cab1, [people.cab1])]);
  });

  it("takes one vote per approver", () => {
    spec
      .given([...medium, ev.vote(people.cab1)])
      .when(cmd.vote("reject"), voter(people.cab1))
      .thenError("already_voted", "change C-17: u-104 has already voted (approve) in the CAB; one vote per approver");
  });

  it("rejects on one rejection under the default rule `any` (assessed → rejected)", () => {
    const state = spec
      .given([...medium, ev.vote(people.cab1)])
      .when(cmd.vote("reject"), voter(people.cab2))
      .then([ev.vote(people.cab2, "reject"), ev.rejected(people.cab2, [people.cab1], [people.cab2])]);
    expect(state).toMatchObject({ status: "rejected", rejection: { round: "cab", rejectedBy: [people.cab2] } });
  });

  it("under `majority`, rejects only when rejections outnumber approvals once the quorum's worth of votes is in", () => {
    const policy = policyWith({ change: { rejection: "majority" } });
    spec.given(medium).when(cmd.vote("reject"), voter(people.cab1, policy)).then([ev.vote(people.cab1, "reject")]);
    spec.given([...medium, ev.vote(people.cab1)]).when(cmd.vote("reject"), voter(people.cab2, policy)).then([ev.vote(people.cab2, "reject")]);
    spec
      .given([...medium, ev.vote(people.cab1, "reject")])
      .when(cmd.vote("reject"), voter(people.cab2, policy))
      .then([ev.vote(people.cab2, "reject"), ev.rejected(people.cab2, [], [people.cab1, people.cab2])]);
    spec
      .given([...medium, ev.vote(people.cab1, "reject"), ev.vote(people.cab2)])
      .when(cmd.vote(), voter(people.cab3, policy))
      .then([ev.vote(people.cab3), ev.authorised(people.cab3, [people.cab2, people.cab3])]);
  });

  it("in record mode, accepts a vote that breaks segregation of duties or the role rule and keeps the breach for the vote's meta", () => {
    const policy = policyWith({ rules: { segregation_of_duties: "record", approver_role: "record" } });
    const state = spec
      .given(history.assessed("low"))
      .when(cmd.vote(), voter(people.requester, policy))
      .then([ev.vote(people.requester), ev.authorised(people.requester, [people.requester])]);
    const decided = decideWithRules(changeProcess, cmd.vote(), fold(changeDecider, history.assessed("low")), voter(people.requester, policy), () => voter(people.requester, policy));
    expect(decided._tag === "Right" && decided.right.breaches).toEqual([[{ rule: "segregation_of_duties", message: expect.stringContaining("u-101 raised this change") }], []]);
    expect(state.status).toBe("authorised");
    const onlySegregation = policyWith({ rules: { segregation_of_duties: "record" } });
    spec.given(history.assessed("low")).when(cmd.vote(), voter(people.developer, onlySegregation)).thenError("approver_role");
  });
});

describe("revising a rejected change", () => {
  it("raises it again, counted, with a fresh assessment and vote (rejected → raised)", () => {
    const state = spec
      .given(history.rejected())
      .when({ ...cmd.revise(), title: "Upgrade the CRM database, part 1" }, factsFor(people.requester, at("12:00")))
      .then([ev.revised(1, { title: "Upgrade the CRM database, part 1" })]);
    expect(state).toMatchObject({ status: "raised", revision: 1, title: "Upgrade the CRM database, part 1", votes: [], assessment: undefined, rejection: undefined });
  });

  it("is refused unless the change was rejected", () => {
    spec.given(history.assessed()).when(cmd.revise(), factsFor(people.requester)).thenError("invalid_transition", 'cannot "revise" while "assessed"');
  });
});
