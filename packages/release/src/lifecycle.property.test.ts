import { fold } from "@handover/core";
import { hasRole } from "@handover/itil";
import fc from "fast-check";
import { ruledDecider } from "@handover/itil";
import { releaseProcess } from "./descriptor.js";
import { describe, expect, it } from "vitest";
import type { ReleaseCommand } from "./commands.js";
import { releaseDecider } from "./decide.js";
import type { ReleaseEvent } from "./events.js";
import { at, cmd, factsFor, people, policyWith } from "./fixtures/release-fixtures.js";
import { releaseLifecycle, releaseStimulusOf } from "./lifecycle.js";
import type { ReleaseState } from "./state.js";
import { permissionOfRelease } from "./rules.js";
import { DEPLOYMENT_ENVIRONMENTS } from "./values.js";

interface Step {
  readonly command: ReleaseCommand;
  readonly actor: string;
  readonly changesAuthorised: readonly [boolean, boolean];
}

// Weighted so that sequences walk far along the lifecycle: approvals and deployments happen often.
const weighted = (weight: number, arbitrary: fc.Arbitrary<ReleaseCommand>) => ({ weight, arbitrary });
const arbitraryCommand: fc.Arbitrary<ReleaseCommand> = fc.oneof(
  weighted(1, fc.constant(cmd.plan())),
  weighted(1, fc.constant(cmd.plan()).map(({ backOutPlan: _none, ...plan }) => plan)),
  weighted(2, fc.integer({ min: 1, max: 9 }).map(cmd.build)),
  weighted(3, fc.constantFrom("system-test", "uat").map(cmd.start)),
  weighted(3, fc.constant(cmd.pass())),
  weighted(1, fc.constant(cmd.fail())),
  weighted(3, fc.constant(cmd.approve())),
  weighted(3, fc.constantFrom(...DEPLOYMENT_ENVIRONMENTS).map(cmd.deploy)),
  weighted(1, fc.constant(cmd.rollBack())),
  weighted(1, fc.constant(cmd.close())),
  weighted(1, fc.constant(cmd.documentBackOutPlan())),
);
// Biased towards people and facts that let a release progress, so approvals and deployments happen often.
const mostlyTrue = fc.integer({ min: 0, max: 5 }).map((n) => n > 0);
const arbitraryStep: fc.Arbitrary<Step> = fc.record({
  command: arbitraryCommand,
  actor: fc.constantFrom(...Object.values(people)),
  changesAuthorised: fc.tuple(mostlyTrue, mostlyTrue),
});

const policy = policyWith();
function factsOf(step: Step): ReturnType<typeof factsFor> {
  const [first, second] = step.changesAuthorised;
  return factsFor(step.actor, at("12:00"), {
    policy,
    changes: { "C-1": { status: first ? "authorised" : "assessed", authorised: first }, "C-2": { status: second ? "closed" : "raised", authorised: second } },
  });
}

/** Checks one accepted command against the rules, reading the state before it plainly. */
function checkAccepted(before: ReleaseState, after: ReleaseState, step: Step, events: readonly ReleaseEvent[]): void {
  const lastBuild = before.builds.at(-1);
  const lastIteration = before.iterations.at(-1);
  const tested = lastBuild !== undefined && lastIteration?.result === "passed" && lastIteration.build === lastBuild.number;
  expect(after.status).toBe(releaseLifecycle[before.status][releaseStimulusOf[step.command.type]]);
  for (const event of events) {
    if (event.type === "release.approved") {
      expect(step.changesAuthorised).toEqual([true, true]);
      expect(tested).toBe(true);
      expect(step.actor).not.toBe(before.plannedBy);
      expect(before.builds.map((build) => build.by)).not.toContain(step.actor);
      expect(hasRole(policy.roles, step.actor, "change_manager")).toBe(true);
    }
    if (event.type === "release.deployed") {
      expect(before.approval).toBeDefined();
      expect(step.changesAuthorised).toEqual([true, true]);
      if (event.data.environment === "production") {
        expect(before.backOutPlan).toBeDefined();
        expect(tested).toBe(true);
      }
    }
    if (event.type === "release.test_iteration_started") {
      expect(lastIteration?.result === "failed" && lastIteration.build === lastBuild?.number).toBe(false);
      expect(event.data.build).toBe(lastBuild?.number);
      expect(event.data.iteration).toBe(before.iterations.length + 1);
    }
    const permission = permissionOfRelease(event);
    if (permission !== undefined) expect(policy.permissions[permission].some((role) => hasRole(policy.roles, step.actor, role))).toBe(true);
    if (event.type === "release.built") expect(event.data.build).toBe(before.builds.length + 1);
    if (event.type === "release.rolled_back") expect(before.deployments.map((deployment) => deployment.environment)).toContain("production");
  }
}

describe("a release under random command sequences", () => {
  it("only approves, deploys to production, tests and rolls back as the rules allow, and moves as its table says", () => {
    let approvals = 0;
    let productionDeployments = 0;
    fc.assert(
      fc.property(fc.array(arbitraryStep, { minLength: 10, maxLength: 80, size: "max" }), (steps) => {
        let state = releaseDecider.initialState;
        for (const step of steps) {
          const decision = ruledDecider(releaseProcess).decide(step.command, state, factsOf(step));
          if (decision._tag === "Left") continue;
          const after = fold(releaseDecider, decision.right, state);
          checkAccepted(state, after, step, decision.right);
          approvals += decision.right.filter((event) => event.type === "release.approved").length;
          productionDeployments += decision.right.filter((event) => event.type === "release.deployed" && event.data.environment === "production").length;
          state = after;
        }
      }),
      { numRuns: 1500, seed: 7 },
    );
    // The sequences reach the interesting commands, so the checks above are exercised.
    expect(approvals).toBeGreaterThan(100);
    expect(productionDeployments).toBeGreaterThan(30);
  });
});
