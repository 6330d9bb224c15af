import { transition, type DomainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ProblemCommand, ProblemCommandOf, ProblemCommandType } from "./commands.js";
import { problemErrors } from "./errors.js";
import type { ProblemEvent } from "./events.js";
import type { ProblemFacts } from "./facts.js";
import { closureCodesByState, problemLifecycle, stimulusOfCommand } from "./lifecycle.js";
import type { ProblemState } from "./state.js";

type Decision = Either<DomainError, readonly ProblemEvent[]>;
type Handler<T extends ProblemCommandType> = (command: ProblemCommandOf<T>, state: ProblemState, facts: ProblemFacts) => Decision;

const common = (command: ProblemCommand, facts: ProblemFacts) => ({ problemId: command.problemId, at: facts.at, by: facts.actor });
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

function decideClose(command: ProblemCommandOf<"problem.close">, state: ProblemState, facts: ProblemFacts): Decision {
  const status = state.status as keyof typeof closureCodesByState;
  const allowed = closureCodesByState[status];
  if (!allowed.includes(command.code)) return left(problemErrors.closureCodeNotAllowed(command.problemId, command.code, status, allowed));
  const duplicateOf = command.code === "duplicate" ? command.duplicateOf : undefined;
  if (command.code === "duplicate" && (duplicateOf === undefined || duplicateOf === command.problemId)) return left(problemErrors.duplicateOfRequired(command.problemId));
  return right([{ type: "problem.closed", data: { ...common(command, facts), code: command.code, ...optional("duplicateOf", duplicateOf), ...optional("notes", command.notes) } }]);
}

const handlers: { readonly [T in ProblemCommandType]: Handler<T> } = {
  "problem.log": (command, _state, facts) =>
    right([{ type: "problem.logged", data: { ...common(command, facts), title: command.title, ...optional("description", command.description), ciIds: [...new Set(command.ciIds ?? [])] } }]),
  "problem.investigate": (command, _state, facts) => right([{ type: "problem.investigation_started", data: { ...common(command, facts), investigator: command.investigator } }]),
  "problem.identify_root_cause": (command, _state, facts) => right([{ type: "problem.root_cause_identified", data: { ...common(command, facts), rootCause: command.rootCause } }]),
  "problem.record_known_error": (command, state, facts) => {
    const workaround = command.workaround.trim();
    if (workaround === "") return left(problemErrors.workaroundRequired(command.problemId));
    const rootCause = command.rootCause ?? state.rootCause ?? undefined;
    const known = { symptom: command.symptom, ...optional("rootCause", rootCause), workaround, ciIds: [...new Set(command.ciIds)] };
    return right([{ type: "problem.known_error_recorded", data: { ...common(command, facts), ...known } }]);
  },
  "problem.resolve": (command, _state, facts) => right([{ type: "problem.resolved", data: { ...common(command, facts), changeId: command.changeId } }]),
  "problem.close": decideClose,
  "problem.link_incident": (command, state, facts) =>
    state.incidentIds.includes(command.incidentId) ? right([]) : right([{ type: "problem.incident_linked", data: { ...common(command, facts), incidentId: command.incidentId } }]),
};

/**
 * Decides a problem command: the lifecycle table first (one error naming the problem,
 * its state, the command and what the state accepts), then time running forward, then
 * the rules the table cannot say (workaround, closure codes). Pure.
 */
export function decideProblem(command: ProblemCommand, state: ProblemState, facts: ProblemFacts): Decision {
  const accepted = transition(problemLifecycle, `problem ${command.problemId}`, state.status, stimulusOfCommand(command.type));
  if (accepted._tag === "Left") return accepted;
  if (state.lastAt !== null && Date.parse(facts.at) < Date.parse(state.lastAt)) return left(problemErrors.timeRunsBackwards(command.problemId, facts.at, state.lastAt));
  const handler = handlers[command.type] as Handler<ProblemCommandType>;
  return handler(command, state, facts);
}
