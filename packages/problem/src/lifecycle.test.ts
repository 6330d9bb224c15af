import { acceptedCommands, reachableStates } from "@handover/core";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { problemDecider } from "./decider.js";
import { command, EDGE_MINUTE, edges, factsAt, historyTo, on } from "./fixtures/problem-fixtures.js";
import { closureCodesByState, PROBLEM_STATUSES, problemLifecycle, statusAfter, type ProblemStatus, type ProblemStimulus } from "./lifecycle.js";

const spec = deciderSpec(problemDecider);
const row = (status: ProblemStatus): Partial<Record<ProblemStimulus, ProblemStatus>> => problemLifecycle[status];
const stimuli = Object.keys(edges) as (keyof typeof edges)[];

describe("the problem lifecycle, edge by edge", () => {
  for (const status of PROBLEM_STATUSES) {
    for (const stimulus of stimuli) {
      const next = row(status)[stimulus];
      const { command: given, event } = edges[stimulus];
      if (next !== undefined) {
        // A known error recorded before the root cause is found carries none.
        const beforeRootCause = stimulus === "record_known_error" && (status === "logged" || status === "under_investigation");
        const { rootCause: _found, ...withoutRootCause } = event.data as Record<string, unknown>;
        const expected = beforeRootCause ? ({ ...event, data: withoutRootCause } as typeof event) : event;
        it(`given a problem ${status}, when ${given.type}, then ${event.type} and it is ${next}`, () => {
          expect(spec.given(historyTo[status]).when(given, factsAt(EDGE_MINUTE)).then([expected]).status).toBe(next);
        });
      } else {
        it(`given a problem ${status}, when ${given.type}, then it is refused naming what "${status}" accepts`, () => {
          const accepts = acceptedCommands(problemLifecycle, status);
          const expected = accepts.length === 0 ? `"${status}" is final` : `"${status}" accepts: ${accepts.join(", ")}`;
          spec.given(historyTo[status]).when(given, factsAt(EDGE_MINUTE)).thenError("invalid_transition", `problem PRB-1: cannot "${stimulus}" while "${status}"; ${expected}`);
        });
      }
    }
  }

  for (const [status, codes] of Object.entries(closureCodesByState) as [keyof typeof closureCodesByState, readonly string[]][]) {
    for (const code of ["fix_applied", "risk_accepted", "duplicate"] as const) {
      const fields = code === "duplicate" ? { code, duplicateOf: "PRB-0" } : { code };
      if (codes.includes(code)) {
        it(`given a problem ${status}, when closed as ${code}, then it is closed with that code`, () => {
          const state = spec.given(historyTo[status]).when(command("problem.close", fields), factsAt(EDGE_MINUTE)).then([{ type: "problem.closed", data: { ...on(EDGE_MINUTE), ...fields } } as never]);
          expect(state).toMatchObject({ status: "closed", closure: { code } });
        });
      } else {
        it(`given a problem ${status}, when closed as ${code}, then it is refused naming the codes "${status}" allows`, () => {
          spec.given(historyTo[status]).when(command("problem.close", fields), factsAt(EDGE_MINUTE)).thenError("closure_code_not_allowed", `"${status}" allows: ${codes.join(", ")}`);
        });
      }
    }
  }

  it("refuses to close a problem never logged, or one closed already", () => {
    spec.given([]).when(command("problem.close", { code: "duplicate", duplicateOf: "PRB-0" }), factsAt(1)).thenError("invalid_transition", '"none" accepts: log');
    spec.given(historyTo.closed).when(command("problem.close", { code: "fix_applied" }), factsAt(100)).thenError("invalid_transition", '"closed" is final');
  });

  it("reaches every state, and the table is what evolve follows", () => {
    expect([...reachableStates(problemLifecycle, "none")].sort()).toEqual([...PROBLEM_STATUSES].sort());
    expect(statusAfter("known_error", "problem.closed")).toBe("closed");
    expect(statusAfter("logged", "problem.known_error_recorded")).toBe("known_error");
    expect(statusAfter("resolved", "problem.incident_linked")).toBe("resolved");
  });
});
