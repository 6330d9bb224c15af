import { z } from "zod";

/** Why a problem was closed: its fix was applied, its risk accepted, or it duplicates another problem. */
export const CLOSURE_CODES = ["fix_applied", "risk_accepted", "duplicate"] as const;
/** Why a problem was closed. */
export const ClosureCode = z.enum(CLOSURE_CODES);
/** Why a problem was closed. */
export type ClosureCode = z.infer<typeof ClosureCode>;

/** Business time and actor are shared vocabulary: every process accepts the same forms (itil). */
export { BusinessTime, Actor } from "@handover/itil";
