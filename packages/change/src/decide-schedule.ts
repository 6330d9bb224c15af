import { instantInWindow } from "@handover/itil";
import { left, right } from "fp-ts/lib/Either.js";
import type { DomainError } from "@handover/core";
import { optional, stamp, type CommandHandler, type LaterCommand } from "./decide-support.js";
import { changeErrors, changeLabel } from "./errors.js";
import { scheduleFactsOf, type ChangeFacts } from "./facts.js";
import { describeQuorum, quorumFor, tallyVotes } from "./quorum.js";
import { findScheduleConflicts } from "./schedule-conflicts.js";
import { coveredCis, type RaisedChange } from "./state.js";

/**
 * Puts the change on the calendar. Conflicts (other changes on the same or dependent CIs,
 * freezes, maintenance windows) refuse a normal or standard change unless the command
 * gives an override reason; an emergency records them and proceeds.
 */
export const scheduleChange: CommandHandler<"change.schedule"> = (command, change, facts) => {
  const ciIds = [...coveredCis(change)];
  const conflicts = findScheduleConflicts(command.window, ciIds, scheduleFactsOf(facts, change.changeId));
  if (conflicts.length > 0 && change.changeType !== "emergency" && command.overrideReason === undefined) {
    return left(changeErrors.scheduleConflict(change.changeId, command.window, conflicts));
  }
  return right([
    {
      type: "change.scheduled",
      data: {
        ...stamp(change.changeId, facts),
        window: { start: command.window.start, end: command.window.end },
        ciIds,
        conflicts,
        ...optional("overrideReason", command.overrideReason),
      },
    },
  ]);
};

/** Starts implementation: an emergency at once; any other change inside its scheduled window. */
export const startImplementation: CommandHandler<"change.start_implementation"> = (_command, change, facts) => {
  const window = change.schedule?.window;
  if (change.changeType !== "emergency" && window !== undefined && !instantInWindow(facts.at, window)) {
    return left(changeErrors.outsideWindow(change.changeId, window, facts.at));
  }
  return right([{ type: "change.implementation_started", data: stamp(change.changeId, facts) }]);
};

/**
 * A change still waiting for its board that is asked to be scheduled or implemented gets
 * the board's arithmetic rather than a bare lifecycle refusal:
 * `change C-17: needs 2 CAB approvals for risk medium, has 1 (u-104); …`.
 */
export function refuseBeforeAuthorisation(command: LaterCommand, change: RaisedChange, facts: ChangeFacts): DomainError | undefined {
  const asksForAuthorisation = command.type === "change.schedule" || command.type === "change.start_implementation";
  if (!asksForAuthorisation || change.status !== "assessed" || change.risk === undefined) return undefined;
  const round = change.changeType === "emergency" ? "ecab" : "cab";
  const quorum = quorumFor(round, change.risk, facts.policy.change);
  const { approvers } = tallyVotes(change.votes, quorum, facts.policy.change.rejection);
  return changeErrors.notAuthorised(describeQuorum(changeLabel(change.changeId), round, change.risk, quorum, approvers), change.changeId);
}
