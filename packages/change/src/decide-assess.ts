import { riskAtLeast } from "@handover/itil";
import { left, right } from "fp-ts/lib/Either.js";
import { optional, stamp, type CommandHandler } from "./decide-support.js";
import { changeErrors } from "./errors.js";

/** Records the assessment; from the risk the policy names up, a back-out plan is required. */
export const assessChange: CommandHandler<"change.assess"> = (command, change, facts) => {
  const requiredFrom = facts.policy.change.backOutPlanRequiredFrom;
  if (command.backOutPlan === undefined && riskAtLeast(command.risk, requiredFrom)) {
    return left(changeErrors.backOutPlanRequired(change.changeId, command.risk, requiredFrom));
  }
  return right([
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
};
