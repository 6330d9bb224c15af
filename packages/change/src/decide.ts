import type { Decider } from "@handover/core";
import { left } from "fp-ts/lib/Either.js";
import type { ChangeCommand } from "./commands.js";
import { answerRejection } from "./decide-answer.js";
import { assessChange } from "./decide-assess.js";
import { cancelChange, closeChange, completeImplementation, reviewChange } from "./decide-finish.js";
import { raiseChange, reviseChange } from "./decide-raise.js";
import { refuseBeforeAuthorisation, scheduleChange, startImplementation } from "./decide-schedule.js";
import type { Decision, LaterCommand } from "./decide-support.js";
import { voteOnChange } from "./decide-vote.js";
import { changeErrors, changeLabel } from "./errors.js";
import type { ChangeEvent } from "./events.js";
import { evolveChange } from "./evolve.js";
import type { ChangeFacts } from "./facts.js";
import { nextStatus, stimulusOf } from "./lifecycle.js";
import { initialChangeState, raisedChange, type ChangeState, type RaisedChange } from "./state.js";

/**
 * Decides a change command: `change.raise` creates the change; every other command names
 * a raised change, is looked up in the change type's lifecycle table, and then meets the
 * rules the table cannot say (quorum, segregation of duties, conflicts, back-out plans).
 */
export function decideChange(command: ChangeCommand, state: ChangeState, facts: ChangeFacts): Decision {
  if (command.type === "change.raise") return raiseChange(command, state, facts);
  const change = raisedChange(state);
  if (change === undefined) return left(changeErrors.notFound(command.changeId, command.type));
  if (change.changeId !== command.changeId) return left(changeErrors.idMismatch(change.changeId, command.changeId));
  const waiting = refuseBeforeAuthorisation(command, change, facts);
  if (waiting !== undefined) return left(waiting);
  const next = nextStatus(change.changeType, changeLabel(change.changeId), change.status, stimulusOf[command.type]);
  if (next._tag === "Left") return next;
  return handle(command, change, facts);
}

function handle(command: LaterCommand, change: RaisedChange, facts: ChangeFacts): Decision {
  switch (command.type) {
    case "change.assess":
      return assessChange(command, change, facts);
    case "change.vote":
      return voteOnChange(command, change, facts);
    case "change.revise":
      return reviseChange(command, change, facts);
    case "change.schedule":
      return scheduleChange(command, change, facts);
    case "change.start_implementation":
      return startImplementation(command, change, facts);
    case "change.complete_implementation":
      return completeImplementation(command, change, facts);
    case "change.review":
      return reviewChange(command, change, facts);
    case "change.close":
      return closeChange(command, change, facts);
    case "change.cancel":
      return cancelChange(command, change, facts);
    case "change.answer_rejection":
      return answerRejection(command, change, facts);
  }
}

/** Change management as a decider: the engine routes `change.*` commands to it with `ChangeFacts`. */
export const changeDecider: Decider<ChangeCommand, ChangeState, ChangeEvent, ChangeFacts> = {
  initialState: initialChangeState,
  decide: decideChange,
  evolve: evolveChange,
};

/** The stream of a change: `change-<id>`. */
export function streamIdOfChange(changeId: string): string {
  return `change-${changeId}`;
}
