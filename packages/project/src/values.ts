import { CiId, CiType, SlaTarget, type PolicyOverrides } from "@handover/itil";
import { z } from "zod";

/** A reason a person gives: not empty once trimmed. */
export const Reason = z.string().trim().min(1, "expected a reason");

/** The policy overrides a project is started with, as parsed. */
export type ProjectPolicyOverrides = z.output<typeof PolicyOverrides>;

/** The service levels agreed for one service: optional availability, and response/resolution targets per priority. */
export const ServiceLevel = z.strictObject({
  /** The service, usually the id of its service CI. */
  service: z.string().trim().min(1, "expected a service"),
  availabilityPercent: z.number().gt(0).max(100).optional(),
  targets: z
    .record(z.string().regex(/^[1-9]\d*$/, "expected a priority number"), SlaTarget)
    .refine((targets) => Object.keys(targets).length > 0, "expected a target for at least one priority"),
});
/** The service levels agreed for one service. */
export type ServiceLevel = Readonly<z.output<typeof ServiceLevel>>;

/** The kinds of baseline: a project baseline records a state of the solution; a production baseline moves its CIs into production scope. */
export const BaselineKind = z.enum(["project", "production"]);
/** The kind of a baseline. */
export type BaselineKind = z.infer<typeof BaselineKind>;

/** Which CIs a baseline covers: every CI of the project, the CIs of some types, or a list of CIs. */
export const BaselineScope = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("all") }),
  z.strictObject({ kind: z.literal("types"), ciTypes: z.array(CiType).min(1) }),
  z.strictObject({ kind: z.literal("cis"), ciIds: z.array(CiId).min(1) }),
]);
/** Which CIs a baseline covers. */
export type BaselineScope = z.output<typeof BaselineScope>;

/** One CI as a baseline records it: the CI, its type, and the version of its stream at that moment. */
export const BaselineCi = z.object({ ciId: CiId, ciType: CiType, version: z.number().int().min(0) });
/** One CI as a baseline records it. */
export type BaselineCi = Readonly<z.output<typeof BaselineCi>>;

/** One readiness check that did not pass, as the sign-off records it. */
export const FailedCheck = z.object({ check: z.string().min(1), explanation: z.string().min(1) });
/** One readiness check that did not pass. */
export type FailedCheck = Readonly<z.output<typeof FailedCheck>>;

/** Business time and actor are shared vocabulary: every process accepts the same forms (itil). */
export { BusinessTime, Actor } from "@handover/itil";
