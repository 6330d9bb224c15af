import { defaultPolicy } from "@handover/itil";
import { arbitraryCommandSequence } from "@handover/testing";
import fc from "fast-check";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { problemDecider } from "./decider.js";
import { problemCatalogue } from "./events.js";
import { command, minute } from "./fixtures/problem-fixtures.js";
import type { ProblemState } from "./state.js";

const progress = 4;
const anyCommand = fc.oneof(
  { weight: progress, arbitrary: fc.constant(command("problem.log", { title: "Mail relay drops messages" })) },
  { weight: progress, arbitrary: fc.constant(command("problem.investigate", { investigator: "u-eve" })) },
  { weight: progress, arbitrary: fc.constant(command("problem.identify_root_cause", { rootCause: "queue overflow" })) },
  { weight: progress, arbitrary: fc.constantFrom("restart hourly", "", "  ").map((workaround) => command("problem.record_known_error", { symptom: "mail lost", workaround, ciIds: ["relay"] })) },
  { weight: progress, arbitrary: fc.constant(command("problem.resolve", { changeId: "C-1" })) },
  { weight: progress, arbitrary: fc.constantFrom("fix_applied", "risk_accepted", "duplicate").map((code) => command("problem.close", code === "duplicate" ? { code, duplicateOf: "PRB-0" } : { code })) },
  { weight: 2, arbitrary: fc.constantFrom("INC-1", "INC-2").map((incidentId) => command("problem.link_incident", { incidentId })) },
);

describe("problem invariants under random command sequences", () => {
  it("no known error without a workaround; closed always has a code its state allowed; linked incidents are never lost", () => {
    let runsReachingKnownError = 0;
    fc.assert(
      fc.property(arbitraryCommandSequence([fc.tuple(anyCommand, fc.integer({ min: -2, max: 60 }))], { minLength: 10, maxLength: 60 }), (steps) => {
        let state: ProblemState = problemDecider.initialState;
        let clock = 0;
        for (const [next, gap] of steps) {
          clock += gap;
          const decision = problemDecider.decide(next, state, { actor: "u-1", at: minute(clock), roles: [], policy: defaultPolicy });
          if (decision._tag === "Left") continue;
          for (const event of decision.right) expect(problemCatalogue.validate(event)._tag).toBe("Right");
          const before = state;
          state = produce(state, (draft) => {
            for (const event of decision.right) problemDecider.evolve(draft, event);
          });
          for (const incident of before.incidentIds) expect(state.incidentIds).toContain(incident);
          if (state.status === "known_error") {
            runsReachingKnownError += before.status === "known_error" ? 0 : 1;
            expect(state.knownError?.workaround.trim()).not.toBe("");
          }
          if (state.status === "closed") {
            expect(state.closure).not.toBeNull();
            if (state.closure?.code === "fix_applied") expect(state.resolvedBy).not.toBeNull();
            if (state.closure?.code === "risk_accepted") expect(state.knownError).not.toBeNull();
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(runsReachingKnownError, "the generator must reach known errors, or the invariant is never tested").toBeGreaterThan(10);
  });
});
