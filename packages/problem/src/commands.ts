import { ChangeId, CiId, IncidentId, ProblemId } from "@handover/itil";
import { z } from "zod";
import { ClosureCode } from "./values.js";

const text = z.string().trim().min(1);
const target = { problemId: ProblemId };

/** Every problem command, one zod schema per `type`, as one discriminated union. */
export const ProblemCommand = z.discriminatedUnion("type", [
  z.object({ type: z.literal("problem.log"), ...target, title: text, description: text.optional(), ciIds: z.array(CiId).optional() }),
  z.object({ type: z.literal("problem.investigate"), ...target, investigator: text }),
  z.object({ type: z.literal("problem.identify_root_cause"), ...target, rootCause: text }),
  z.object({
    type: z.literal("problem.record_known_error"),
    ...target,
    symptom: text,
    /** Default: the root cause identified before. */
    rootCause: text.optional(),
    /** Required by the rule (checked in decide, with a sentence): no known error without a workaround. */
    workaround: z.string(),
    ciIds: z.array(CiId),
  }),
  z.object({ type: z.literal("problem.resolve"), ...target, changeId: ChangeId }),
  z.object({ type: z.literal("problem.close"), ...target, code: ClosureCode, duplicateOf: ProblemId.optional(), notes: text.optional() }),
  z.object({ type: z.literal("problem.link_incident"), ...target, incidentId: IncidentId }),
]);
/** A problem command. */
export type ProblemCommand = z.infer<typeof ProblemCommand>;

/** The type names of problem commands. */
export type ProblemCommandType = ProblemCommand["type"];

/** The command of one type. */
export type ProblemCommandOf<T extends ProblemCommandType> = Extract<ProblemCommand, { readonly type: T }>;

/** The stream a problem's events live in: `problem-<id>`. */
export function streamIdOfProblem(problemId: string): string {
  return `problem-${problemId}`;
}
