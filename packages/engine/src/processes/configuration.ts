import { changeCoverage } from "@handover/change";
import {
  ConfigurationCommand,
  changeControlRequirement,
  configurationCatalogue,
  configurationDecider,
  streamIdOfCi,
  type ConfigurationFacts,
  type NamedChangeFacts,
} from "@handover/configuration";
import type { ChangeId } from "@handover/itil";
import { right } from "fp-ts/lib/Either.js";
import type { EngineView } from "../engine-view.js";
import { defineProcess } from "../process-module.js";
import { changeStates, ciStates, projectState, scopeOfCi } from "../view-queries.js";

/**
 * Configuration management: the engine supplies change control (does it apply to this CI
 * now, in which mode, and what the named change authorises) and, for new relationships,
 * the target CI.
 */
export const configurationProcess = defineProcess({
  name: "configuration",
  commandPrefix: "ci",
  streamPrefix: "ci",
  commandSchema: ConfigurationCommand,
  catalogue: configurationCatalogue,
  decider: configurationDecider,
  streamIdOf: (command) => streamIdOfCi(command.ciId),
  gatedProcess: () => "configuration",
  facts: ({ command, context, view }) => {
    const phase = projectState(view)?.phase ?? "initiation";
    const requirement = changeControlRequirement({ ciId: command.ciId, policy: context.policy, phase, scope: scopeOfCi(view, command.ciId) });
    const change = command.changeId === undefined ? undefined : namedChange(view, command.changeId, context.at);
    const changeControl = { ...requirement, ...(change === undefined ? {} : { change }) };
    if (command.type !== "ci.add_relationship") return right<never, ConfigurationFacts>({ ...context, changeControl });
    const target = ciStates(view).get(command.targetCiId);
    const relationshipTarget = {
      ciId: command.targetCiId,
      status: target?.status ?? ("none" as const),
      relationships: target?.relationships ?? [],
    };
    return right<never, ConfigurationFacts>({ ...context, changeControl, relationshipTarget });
  },
});

/**
 * The named change as configuration's rule reads it. An emergency change may be implemented
 * before it has a window; its authorisation then covers the span from the ECAB decision to
 * the end of its implementation (or to now while it runs), as change's `changeAuthorises` says.
 */
function namedChange(view: EngineView, changeId: ChangeId, at: string): NamedChangeFacts | undefined {
  const state = changeStates(view).get(changeId);
  const coverage = state === undefined ? undefined : changeCoverage(state);
  if (state === undefined || coverage === undefined) return undefined;
  const facts = { changeId: coverage.changeId, authorised: coverage.authorised, ciIds: coverage.ciIds };
  if (coverage.window !== undefined) return { ...facts, window: coverage.window };
  const authorisedAt = state.authorisation?.at;
  if (coverage.changeType !== "emergency" || authorisedAt === undefined) return facts;
  const end = state.implementation?.completedAt ?? (Date.parse(at) >= Date.parse(authorisedAt) ? at : authorisedAt);
  return { ...facts, window: { start: authorisedAt, end } };
}
