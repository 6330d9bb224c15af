import { right } from "fp-ts/lib/Either.js";
import { optional, stamp, type CommandHandler } from "./decide-support.js";

/** Records how the implementation ended. */
export const completeImplementation: CommandHandler<"change.complete_implementation"> = (command, change, facts) =>
  right([{ type: "change.implemented", data: { ...stamp(change.changeId, facts), outcome: command.outcome, ...optional("notes", command.notes) } }]);

/** Records the post-implementation review: result and lessons. */
export const reviewChange: CommandHandler<"change.review"> = (command, change, facts) =>
  right([{ type: "change.reviewed", data: { ...stamp(change.changeId, facts), result: command.result, lessons: command.lessons, ...(command.explanation === undefined ? {} : { explanation: command.explanation }) } }]);

/** Closes a reviewed change (an emergency's retrospective review first is the `emergency_review` rule of `changeRules`). */
export const closeChange: CommandHandler<"change.close"> = (_command, change, facts) => right([{ type: "change.closed", data: stamp(change.changeId, facts) }]);

/** Cancels a change that has not started implementing. */
export const cancelChange: CommandHandler<"change.cancel"> = (command, change, facts) =>
  right([{ type: "change.cancelled", data: { ...stamp(change.changeId, facts), reason: command.reason } }]);
