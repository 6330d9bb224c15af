import { right } from "fp-ts/lib/Either.js";
import { optional, stamp, type CommandHandler } from "./decide-support.js";

/** Records the assessment (a back-out plan from the policy's risk up is the `back_out_plan` rule of `changeRules`). */
export const assessChange: CommandHandler<"change.assess"> = (command, change, facts) =>
  right([
    {
      type: "change.assessed",
      data: {
        ...stamp(change.changeId, facts),
        risk: command.risk,
        impactSummary: command.impactSummary,
        affectedCis: [...command.affectedCis],
        implementationPlan: command.implementationPlan,
        testPlan: command.testPlan,
        ...optional("backOutPlan", command.backOutPlan),
      },
    },
  ]);
