import { ChangeId } from "@handover/itil";
import { z } from "zod";

/** Why a command under change control was not covered by an authorised change. */
export const CHANGE_CONTROL_BREACHES = [
  "no_change_named",
  "change_unknown",
  "change_not_authorised",
  "project_level",
  "ci_not_named",
  "no_window",
  "outside_window",
] as const;
/** Why a command under change control was not covered by an authorised change. */
export const ChangeControlBreachReason = z.enum(CHANGE_CONTROL_BREACHES);
/** Why a command under change control was not covered by an authorised change. */
export type ChangeControlBreachReason = z.infer<typeof ChangeControlBreachReason>;

/** A breach of the rule "a CI under change control changes only under an authorised change that names it". */
export const ChangeControlBreach = z.object({ reason: ChangeControlBreachReason, message: z.string().min(1) });
/** A breach of the change-control rule, as an event records it. */
export type ChangeControlBreach = Readonly<z.infer<typeof ChangeControlBreach>>;

/**
 * How change control saw an event: whether it applied and the change named (if any). A
 * breach of the rule in record mode is kept in `meta.recordedBreaches`; `breach` is where
 * logs written before that kept it, and is still read by the audit.
 */
export const ChangeControlRecord = z.object({
  required: z.boolean(),
  changeId: ChangeId.optional(),
  breach: ChangeControlBreach.optional(),
});
/** How change control saw an event. */
export type ChangeControlRecord = Readonly<z.infer<typeof ChangeControlRecord>>;
