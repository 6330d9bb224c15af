import { describe, expect, it } from "vitest";
import type { ChangeEvent } from "./events.js";
import { at, C17, cmd, emergencyAuthorised, ev, factsFor, history, people, policyWith, spec } from "./fixtures/change-fixtures.js";

const voter = (actor: string, policy = policyWith()) => factsFor(actor, at("11:00"), { policy });
const assessedEmergency = (): ChangeEvent[] => [ev.raised({ changeType: "emergency" }), ev.assessed("medium")];
const retro = (by: string, vote: "approve" | "reject" = "approve") => ev.vote(by, vote, "retrospective");
const afterImplementation = (): ChangeEvent[] => [...emergencyAuthorised(), ev.started(at("11:30")), ev.implemented(), ev.reviewed()];

describe("emergency changes: the ECAB authorises", () => {
  it("is authorised by one ECAB approval whatever the risk (assessed → authorised)", () => {
    const state = spec
      .given(assessedEmergency())
      .when(cmd.vote(), voter(people.ecab))
      .then([ev.vote(people.ecab, "approve", "ecab"), ev.authorised(people.ecab, [people.ecab], "ecab", 1)]);
    expect(state).toMatchObject({ status: "authorised", authorisation: { basis: "ecab" } });
  });

  it("takes the ECAB quorum from the policy", () => {
    spec.given(assessedEmergency()).when(cmd.vote(), voter(people.ecab, policyWith({ change: { ecabQuorum: 2 } }))).then([ev.vote(people.ecab, "approve", "ecab")]);
  });

  it("refuses a CAB member who is not on the ECAB, and the requester who is", () => {
    spec.given(assessedEmergency()).when(cmd.vote(), voter(people.cab1)).thenError("approver_role", "u-104 cannot vote in the ECAB: the role ecab_member is needed");
    spec.given(assessedEmergency()).when(cmd.vote(), voter(people.requester)).thenError("segregation_of_duties", "u-101 raised this change");
  });

  it("is rejected by an ECAB rejection (assessed → rejected)", () => {
    spec
      .given(assessedEmergency())
      .when(cmd.vote("reject"), voter(people.ecab))
      .then([ev.vote(people.ecab, "reject", "ecab"), ev.rejected(people.ecab, [], [people.ecab], "ecab")]);
  });

  it("says what it still needs when asked to start before the ECAB approved", () => {
    spec.given(assessedEmergency()).when(cmd.start(), voter(people.developer)).thenError("not_authorised", "change C-17: needs 1 ECAB approval for an emergency change, has 0");
  });

  it("may start implementing at once, unscheduled (authorised → implementing), where a normal change may not", () => {
    const state = spec.given(emergencyAuthorised()).when(cmd.start(), factsFor(people.developer, at("11:30"))).then([ev.started(at("11:30"))]);
    expect(state.status).toBe("implementing");
    spec.given(history.authorised()).when(cmd.start(), factsFor(people.developer)).thenError("invalid_transition", '"authorised" accepts: schedule, cancel');
  });
});

describe("emergency changes: the retrospective CAB review", () => {
  it("takes retrospective CAB votes in every state from authorised to reviewed, without moving the change", () => {
    const histories: [string, ChangeEvent[]][] = [
      ["authorised", emergencyAuthorised()],
      ["scheduled", [...emergencyAuthorised(), ev.scheduled(at("12:00"), at("13:00"))]],
      ["implementing", [...emergencyAuthorised(), ev.started(at("11:30"))]],
      ["implemented", [...emergencyAuthorised(), ev.started(at("11:30")), ev.implemented()]],
      ["reviewed", afterImplementation()],
    ];
    for (const [status, given] of histories) {
      const state = spec.given(given).when(cmd.vote(), voter(people.cab1)).then([retro(people.cab1)]);
      expect(state.status).toBe(status);
      expect(state.retrospectiveVotes).toMatchObject([{ approver: people.cab1, vote: "approve" }]);
    }
  });

  it("concludes when the CAB quorum for the change's risk approves: endorsed", () => {
    const state = spec
      .given([...afterImplementation(), retro(people.cab1)])
      .when(cmd.vote(), voter(people.cab2))
      .then([
        retro(people.cab2),
        { type: "change.retrospectively_reviewed", data: { changeId: C17, at: at("11:00"), by: people.cab2, verdict: "endorsed", approvers: [people.cab1, people.cab2], rejectedBy: [], quorum: 2 } },
      ]);
    expect(state).toMatchObject({ status: "reviewed", retrospectiveReview: { verdict: "endorsed" } });
  });

  it("concludes with a rejection under the policy's rejection rule, on the record", () => {
    spec
      .given(afterImplementation())
      .when(cmd.vote("reject"), voter(people.cab1))
      .then([
        retro(people.cab1, "reject"),
        { type: "change.retrospectively_reviewed", data: { changeId: C17, at: at("11:00"), by: people.cab1, verdict: "rejected", approvers: [], rejectedBy: [people.cab1], quorum: 2 } },
      ]);
  });

  it("needs CAB members, not the ECAB, nor the requester or assessor, one vote each", () => {
    spec.given(afterImplementation()).when(cmd.vote(), voter(people.ecab)).thenError("approver_role", "retrospective CAB review: the role cab_member is needed");
    spec.given(afterImplementation()).when(cmd.vote(), voter(people.assessor)).thenError("segregation_of_duties", "u-102 assessed this change");
    spec.given([...afterImplementation(), retro(people.cab1)]).when(cmd.vote(), voter(people.cab1)).thenError("already_voted", "in the retrospective CAB review");
  });

  it("takes no votes once the review has concluded", () => {
    spec
      .given([...afterImplementation(), ev.retrospective("endorsed", [people.cab1, people.cab2])])
      .when(cmd.vote(), voter(people.cab3))
      .thenError("retrospective_review_concluded", "the retrospective CAB review has concluded (endorsed)");
  });

  it("refuses to close before the review has concluded, saying what it needs", () => {
    spec
      .given([...afterImplementation(), retro(people.cab1)])
      .when(cmd.close(), voter(people.assessor))
      .thenError(
        "retrospective_review_required",
        "change C-17: needs 2 CAB approvals in the retrospective review for risk medium, has 1 (u-104); an emergency change closes only after its retrospective CAB review",
      );
  });

  it("closes once the review has concluded (reviewed → closed)", () => {
    const state = spec
      .given([...afterImplementation(), ev.retrospective("endorsed", [people.cab1, people.cab2])])
      .when(cmd.close(), factsFor(people.assessor, at("12:00", 3)))
      .then([{ type: "change.closed", data: { changeId: C17, at: at("12:00", 3), by: people.assessor } }]);
    expect(state.status).toBe("closed");
    spec.given([...afterImplementation(), ev.retrospective("rejected", [], [people.cab1])]).when(cmd.close(), voter(people.assessor)).then([
      { type: "change.closed", data: { changeId: C17, at: at("11:00"), by: people.assessor } },
    ]);
  });

  it("takes no retrospective votes on a normal change", () => {
    spec.given(history.implemented()).when(cmd.vote(), voter(people.cab2)).thenError("invalid_transition", '"implemented" accepts: review');
  });
});
