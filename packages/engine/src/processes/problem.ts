import { domainError } from "@handover/core";
import { ProblemCommand, problemCatalogue, problemDecider, streamIdOfProblem, type ProblemFacts } from "@handover/problem";
import { left, right } from "fp-ts/lib/Either.js";
import { defineProcess } from "../process-module.js";
import { changeStates } from "../view-queries.js";

const IMPLEMENTED = ["implemented", "reviewed", "closed"];

/**
 * Problem management. The engine checks the cross-process rule of `problem.resolve`: the
 * change that resolves the problem exists and was implemented successfully.
 */
export const problemProcess = defineProcess({
  name: "problem",
  commandPrefix: "problem",
  streamPrefix: "problem",
  commandSchema: ProblemCommand,
  catalogue: problemCatalogue,
  decider: problemDecider,
  streamIdOf: (command) => streamIdOfProblem(command.problemId),
  gatedProcess: () => "problem",
  facts: ({ command, context, view }) => {
    if (command.type !== "problem.resolve") return right<never, ProblemFacts>(context);
    const change = changeStates(view).get(command.changeId);
    if (change === undefined) {
      return left(domainError("unknown_change", `problem ${command.problemId}: change ${command.changeId} is not known; raise and implement the change that resolves it first`));
    }
    const succeeded = IMPLEMENTED.includes(change.status) && change.implementation?.outcome === "successful";
    if (!succeeded) {
      const outcome = change.implementation?.outcome === undefined ? "" : ` (outcome ${change.implementation.outcome})`;
      return left(domainError("change_not_implemented", `problem ${command.problemId}: change ${command.changeId} is ${change.status}${outcome}; a problem is resolved by a change implemented successfully`));
    }
    return right<never, ProblemFacts>(context);
  },
});
