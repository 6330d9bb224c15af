import { z } from "zod";
import { CiType, Risk } from "./configuration-items.js";
import { ProjectPhase } from "./phases.js";

/** A pre-authorised (standard) change in the policy's catalogue. */
export const StandardChangeTemplate = z.object({
  templateId: z.string().min(1),
  title: z.string().min(1),
  risk: Risk,
  implementationPlan: z.string().min(1),
  /** CI types the template may touch; empty means any. */
  ciTypes: z.array(CiType).default([]),
});
/** A pre-authorised (standard) change template. */
export type StandardChangeTemplate = Readonly<z.infer<typeof StandardChangeTemplate>>;

/** How changes are approved: quorum per risk, when a back-out plan is required, how rejections count. */
export const ChangePolicy = z.object({
  quorumByRisk: z.object({ low: z.number().int().min(1), medium: z.number().int().min(1), high: z.number().int().min(1) }),
  backOutPlanRequiredFrom: Risk,
  /** `any`: one rejection rejects; `majority`: rejected when rejections outnumber approvals once all votes needed are in. */
  rejection: z.enum(["any", "majority"]),
  ecabQuorum: z.number().int().min(1),
  standardCatalogue: z.array(StandardChangeTemplate),
  /** From which phase a solution-level change may be raised and assessed, so the CAB has lead time; its implementation waits for `solution_change`'s phase. */
  solutionChangesRaisedFrom: ProjectPhase,
});
/** How changes are approved. */
export type ChangePolicy = Readonly<{
  quorumByRisk: Readonly<Record<Risk, number>>;
  backOutPlanRequiredFrom: Risk;
  rejection: "any" | "majority";
  ecabQuorum: number;
  standardCatalogue: readonly StandardChangeTemplate[];
  solutionChangesRaisedFrom: ProjectPhase;
}>;

/** Defaults of the change issue: quorum low 1, medium 2, high 3; back-out plan from medium; one rejection rejects; ECAB 1; solution-level changes raised from design. */
export const defaultChangePolicy: ChangePolicy = Object.freeze({
  quorumByRisk: Object.freeze({ low: 1, medium: 2, high: 3 }),
  backOutPlanRequiredFrom: "medium",
  rejection: "any",
  ecabQuorum: 1,
  standardCatalogue: Object.freeze([]),
  solutionChangesRaisedFrom: "design",
});
