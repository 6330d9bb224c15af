import { identifierProblem } from "@handover/core";
import { z } from "zod";

/** The text of every id: trimmed, 1 to 200 characters, and held to core's id rule (visible, well-formed, no control or format characters). */
const idText = z
  .string()
  .trim()
  .min(1, "expected a non-empty id")
  .max(200)
  .superRefine((value, context) => {
    const problem = identifierProblem(value, "id");
    if (problem !== undefined) context.addIssue({ code: "custom", message: problem.message.replace(/^id: /, "") });
  });

/** An incident id, such as `INC0000045`. */
export const IncidentId = idText.brand<"IncidentId">();
/** An incident id. */
export type IncidentId = z.infer<typeof IncidentId>;
/** A problem id, such as `PRB0001`. */
export const ProblemId = idText.brand<"ProblemId">();
/** A problem id. */
export type ProblemId = z.infer<typeof ProblemId>;
/** A change id, such as `C-17`. */
export const ChangeId = idText.brand<"ChangeId">();
/** A change id. */
export type ChangeId = z.infer<typeof ChangeId>;
/** A release id, such as `R-3`. */
export const ReleaseId = idText.brand<"ReleaseId">();
/** A release id. */
export type ReleaseId = z.infer<typeof ReleaseId>;
/** A configuration item id, such as `crm-db`. */
export const CiId = idText.brand<"CiId">();
/** A configuration item id. */
export type CiId = z.infer<typeof CiId>;
/** A project id, such as `crm-replacement`. */
export const ProjectId = idText.brand<"ProjectId">();
/** A project id. */
export type ProjectId = z.infer<typeof ProjectId>;
/** A person or system that causes events, such as `u-104`. */
export const ActorId = idText.brand<"ActorId">();
/** An actor id. */
export type ActorId = z.infer<typeof ActorId>;

/** Brands a trusted string as an id (tests, examples, ids read back from a verified log). */
export const asId = {
  incident: (value: string) => value as IncidentId,
  problem: (value: string) => value as ProblemId,
  change: (value: string) => value as ChangeId,
  release: (value: string) => value as ReleaseId,
  ci: (value: string) => value as CiId,
  project: (value: string) => value as ProjectId,
  actor: (value: string) => value as ActorId,
} as const;
