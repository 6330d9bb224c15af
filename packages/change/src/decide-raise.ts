import type { ChangePolicy, StandardChangeTemplate } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { DomainError } from "@handover/core";
import type { ChangeCommandOf } from "./commands.js";
import { optional, stamp, type CommandHandler, type Decision } from "./decide-support.js";
import { changeErrors } from "./errors.js";
import type { ChangeFacts } from "./facts.js";
import type { ChangeState } from "./state.js";

type RaiseCommand = ChangeCommandOf<"change.raise">;

/** Raises a change; a standard change must come from the policy's catalogue, and is authorised at once. */
export function raiseChange(command: RaiseCommand, state: ChangeState, facts: ChangeFacts): Decision {
  if (state.status !== "none") return left(changeErrors.exists(command.changeId, state.status));
  const raised = {
    ...stamp(command.changeId, facts),
    changeType: command.changeType,
    scope: command.scope,
    title: command.title,
    ...optional("description", command.description),
  };
  if (command.changeType !== "standard") {
    if (command.templateId !== undefined) return left(changeErrors.templateNotAllowed(command.changeId, command.changeType));
    return right([{ type: "change.raised", data: raised }]);
  }
  const template = standardTemplate(command, facts);
  if (template._tag === "Left") return template;
  return right([
    { type: "change.raised", data: { ...raised, templateId: template.right.templateId, risk: template.right.risk } },
    { type: "change.authorised", data: { ...stamp(command.changeId, facts), basis: "standard_template", approvers: [], quorum: 0 } },
  ]);
}

function standardTemplate(command: RaiseCommand, facts: ChangeFacts): Either<DomainError, StandardChangeTemplate> {
  const catalogue: ChangePolicy["standardCatalogue"] = facts.policy.change.standardCatalogue;
  const known = catalogue.map((each) => each.templateId);
  if (command.templateId === undefined) return left(changeErrors.templateRequired(command.changeId, known));
  const template = catalogue.find((each) => each.templateId === command.templateId);
  if (template === undefined) return left(changeErrors.templateUnknown(command.changeId, command.templateId, known));
  if (template.ciTypes.length === 0 || command.scope.level === "project") return right(template);
  for (const ciId of command.scope.ciIds) {
    const ciType = facts.ciTypes[ciId];
    if (ciType === undefined || !template.ciTypes.includes(ciType)) {
      return left(changeErrors.templateCiType(command.changeId, template.templateId, template.ciTypes, ciId, ciType));
    }
  }
  return right(template);
}

/** Revises a rejected change and raises it again, counting the revision. */
export const reviseChange: CommandHandler<"change.revise"> = (command, change, facts) =>
  right([
    {
      type: "change.revised",
      data: {
        ...stamp(change.changeId, facts),
        revision: change.revision + 1,
        reason: command.reason,
        ...optional("title", command.title),
        ...optional("description", command.description),
        ...optional("scope", command.scope),
      },
    },
  ]);
