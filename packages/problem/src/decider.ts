import type { Decider } from "@handover/core";
import type { ProblemCommand } from "./commands.js";
import { decideProblem } from "./decide.js";
import type { ProblemEvent } from "./events.js";
import { evolveProblem } from "./evolve.js";
import type { ProblemFacts } from "./facts.js";
import { initialProblemState, type ProblemState } from "./state.js";

/** Problem management as a decider: the command's rules in `decide`, the immer recipe in `evolve`. */
export const problemDecider: Decider<ProblemCommand, ProblemState, ProblemEvent, ProblemFacts> = {
  initialState: initialProblemState,
  decide: decideProblem,
  evolve: evolveProblem,
};
