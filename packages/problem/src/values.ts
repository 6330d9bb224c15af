import { z } from "zod";

/** An ISO-8601 UTC business time, as problem events carry it in `at`. */
export const BusinessTime = z.iso.datetime();

/** The actor who caused an event, as events carry it in `by`. */
export const Actor = z.string().min(1);

/** Why a problem was closed: its fix was applied, its risk accepted, or it duplicates another problem. */
export const CLOSURE_CODES = ["fix_applied", "risk_accepted", "duplicate"] as const;
/** Why a problem was closed. */
export const ClosureCode = z.enum(CLOSURE_CODES);
/** Why a problem was closed. */
export type ClosureCode = z.infer<typeof ClosureCode>;
