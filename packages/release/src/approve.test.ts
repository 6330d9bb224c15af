import { fold } from "@handover/core";
import { decideWithRules } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { releaseDecider } from "./decide.js";
import { releaseProcess } from "./descriptor.js";
import { at, cmd, ev, factsFor, history, people, policyWith, spec } from "./fixtures/release-fixtures.js";

const approver = (actor: string = people.changeManager, overrides = {}) => factsFor(actor, at("13:00"), overrides);

describe("approving a release", () => {
  it("approves a release whose changes are authorised and whose last iteration passed on its latest build (test_passed → approved)", () => {
    const state = spec.given(history.test_passed()).when(cmd.approve(), approver()).then([ev.approved(1)]);
    expect(state).toMatchObject({ status: "approved", approval: { by: people.changeManager, build: 1, findings: [] } });
  });

  it("refuses while a change is not authorised, naming each with its state; accepts once all are", () => {
    const changes = { "C-1": { status: "authorised", authorised: true }, "C-2": { status: "assessed", authorised: false } };
    spec
      .given(history.test_passed())
      .when(cmd.approve(), approver(people.changeManager, { changes }))
      .thenError("changes_not_authorised", "release R-3: every change must be authorised before approval; not yet: C-2 (assessed); authorise them first");
    spec.given(history.test_passed()).when(cmd.approve(), approver(people.changeManager, { changes: {} })).thenError("changes_not_authorised", "C-1 (unknown), C-2 (unknown)");
    spec.given(history.test_passed()).when(cmd.approve(), approver(people.changeManager, { changes: { ...changes, "C-2": { status: "closed", authorised: true } } })).then([ev.approved(1)]);
  });

  it("refuses when the last iteration failed", () => {
    spec
      .given(history.test_failed())
      .when(cmd.approve(), approver())
      .thenError("release_not_tested", "release R-3: the last test iteration must have passed on the latest build; iteration 1 failed on build 1; run a test iteration on build 1 and pass it");
  });

  it("refuses an untested build, even after an earlier build passed", () => {
    spec.given(history.built()).when(cmd.approve(), approver()).thenError("release_not_tested", "no test iteration has run on build 1");
    spec.given([...history.test_passed(), ev.built(2)]).when(cmd.approve(), approver()).thenError("release_not_tested", "build 2 has not been tested (iteration 1 ran on build 1)");
    spec.given([...history.test_passed(), ev.built(2), ev.started(2, 2), ev.passed(2)]).when(cmd.approve(), approver()).then([ev.approved(2)]);
  });

  it("refuses the release manager who planned it and whoever built it, though both are change managers", () => {
    spec
      .given(history.test_passed())
      .when(cmd.approve(), approver(people.releaseManager))
      .thenError("segregation_of_duties", "release R-3: u-401 planned this release and cannot approve it; another change_manager must approve");
    spec.given(history.test_passed()).when(cmd.approve(), approver(people.builder)).thenError("segregation_of_duties", "u-402 built build 1 of this release");
  });

  it("refuses an approver without the change_manager role", () => {
    spec
      .given(history.test_passed())
      .when(cmd.approve(), approver(people.developer))
      .thenError("approver_role", "release R-3: u-300 cannot approve a release: the role change_manager is needed; ask a holder of change_manager to approve");
  });

  it("in record mode, approves despite the rules the policy records, keeping each breach for the approval's meta", () => {
    const policy = policyWith({ rules: { release_tested: "record", release_changes_authorised: "record" } });
    const changes = { "C-1": { status: "raised", authorised: false } };
    const facts = approver(people.changeManager, { policy, changes });
    spec.given(history.test_failed()).when(cmd.approve(), facts).then([ev.approved(1)]);
    const decided = decideWithRules(releaseProcess, cmd.approve(), fold(releaseDecider, history.test_failed()), facts, () => facts);
    expect(decided._tag === "Right" && decided.right.breaches).toEqual([
      [
        { rule: "release_changes_authorised", message: "release R-3: every change must be authorised before approval; not yet: C-1 (raised), C-2 (unknown); authorise them first" },
        { rule: "release_tested", message: "release R-3: the last test iteration must have passed on the latest build; iteration 1 failed on build 1; run a test iteration on build 1 and pass it" },
      ],
    ]);
    spec.given(history.test_failed()).when(cmd.approve(), approver(people.releaseManager, { policy })).thenError("segregation_of_duties");
  });

  it("is refused while an iteration is running and once approved", () => {
    spec.given(history.testing()).when(cmd.approve(), approver()).thenError("invalid_transition", '"testing" accepts: pass_test, fail_test, document_back_out_plan');
    spec.given(history.approved()).when(cmd.approve(), approver()).thenError("invalid_transition", '"approved" accepts: deploy, document_back_out_plan');
  });
});
