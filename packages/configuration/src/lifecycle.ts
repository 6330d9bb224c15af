import type { Lifecycle } from "@handover/core";
import type { CiStatus } from "@handover/itil";
import type { ConfigurationCommandType } from "./commands.js";
import type { ConfigurationEvent } from "./events.js";

/** A CI's place in its lifecycle: `none` before it is registered, then one of itil's CI statuses. */
export type CiLifecycleState = "none" | CiStatus;

/** A command as the lifecycle table names it: the command type without `ci.`. */
export type CiLifecycleCommand = ConfigurationCommandType extends `ci.${infer Verb}` ? Verb : never;

/** The commands that edit a CI without moving its status, accepted in every status but retired. */
const edits = <S extends CiStatus>(status: S) =>
  ({
    set_attribute: status,
    unset_attribute: status,
    transfer_owner: status,
    add_relationship: status,
    remove_relationship: status,
  }) as const;

/**
 * The CI lifecycle: planned → in_development → in_test → in_production → retired, and
 * back from in_test to in_development. A CI that will never go live is withdrawn from any
 * status before production, and leaves service as retired. A retired CI accepts only the
 * removal of its own relationships, so they can be cleaned up.
 */
export const ciLifecycle = {
  none: { register: "planned" },
  planned: { start_development: "in_development", withdraw: "retired", ...edits("planned") },
  in_development: { start_test: "in_test", withdraw: "retired", ...edits("in_development") },
  in_test: { put_into_production: "in_production", return_to_development: "in_development", withdraw: "retired", ...edits("in_test") },
  in_production: { retire: "retired", ...edits("in_production") },
  retired: { remove_relationship: "retired" },
} as const satisfies Lifecycle<CiLifecycleState, CiLifecycleCommand>;

/** The lifecycle command of a command type: `ci.start_test` → `start_test`. */
export function lifecycleCommandOf(type: ConfigurationCommandType): CiLifecycleCommand {
  return type.slice("ci.".length) as CiLifecycleCommand;
}

/**
 * The status an event leaves a CI in, as the lifecycle table gives it: registration leads
 * where `none` → `register` leads; a status change lands on the status the table gave its
 * command when it was decided (`to`; imported history lands there too); every other event
 * keeps the status (the table's edits stay put).
 */
export function ciStatusAfter(status: CiLifecycleState, event: ConfigurationEvent): CiLifecycleState {
  if (event.type === "configuration.ci_registered") return ciLifecycle.none.register;
  if (event.type === "configuration.ci_status_changed") return event.data.to;
  return status;
}
