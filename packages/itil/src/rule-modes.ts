import { z } from "zod";
import { CrossProcessRule } from "./control-policy.js";

/**
 * A rule breach as events written before `meta.recordedBreaches` kept it in their data
 * (`findings` of a vote or a release approval). Still read, so the audit reports what such
 * logs recorded; new events keep their breaches in `meta.recordedBreaches`.
 */
export const RuleFinding = z.object({ rule: CrossProcessRule, message: z.string().min(1) });
/** A breach as older events kept it in their data. */
export type RuleFinding = Readonly<z.infer<typeof RuleFinding>>;
