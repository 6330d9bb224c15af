import { coverageOf, type ChangeState } from "@handover/change";
import { changeControlRequirement, configurationProcess, type ChangeControlRequirement, type CiScope, type NamedChangeVerdict } from "@handover/configuration";
import type { CiId, RuleContext } from "@handover/itil";
import type { History } from "../history/history.js";
import { updateCi } from "../readiness/update-cis.js";
import type { WiringOf } from "./wiring.js";

/** A CI's scope as the CMDB holds it now (a CI named by a production baseline before it was registered enters production on registration). */
export function scopeIn(history: History, ciId: string): CiScope {
  return history.cmdb.cis.get(ciId)?.scope ?? (history.cmdb.pendingProduction.has(ciId) ? "production" : "project");
}

/** Whether change control applies to a CI now: its scope in the CMDB, the project's phase and the policy (configuration's `changeControlRequirement`). */
export function requirementFor(history: History, ciId: string, context: RuleContext | { readonly policy: RuleContext["policy"] }): ChangeControlRequirement {
  return changeControlRequirement({ ciId: ciId as CiId, policy: context.policy, phase: history.phase(), scope: scopeIn(history, ciId) });
}

/** Change management's verdict on the change a CI event names, as the change stood then (its `coverageOf`); undefined when the log does not hold it. */
export function namedChangeVerdict(changes: ReadonlyMap<string, { readonly state: ChangeState }>, changeId: string, ciId: string, at: string): NamedChangeVerdict | undefined {
  const change = changes.get(changeId)?.state;
  return change === undefined ? undefined : { changeId, ...coverageOf(change, ciId as CiId, at) };
}

/** Configuration management, wired: its CIs are the CMDB's records; change control comes from the CMDB's scope and change management's `coverageOf`. */
export const configurationWiring: WiringOf<typeof configurationProcess> = {
  descriptor: configurationProcess,
  inCmdb: true,
  deciderFacts: (model, command, context) => {
    const changeControl = requirementFor(model.history, command.ciId, context);
    if (command.type !== "ci.add_relationship") return { ...context, changeControl };
    const target = model.history.cmdb.cis.get(command.targetCiId);
    const relationshipTarget = { ciId: command.targetCiId, status: target?.status ?? ("none" as const), relationships: target?.relationships ?? [] };
    return { ...context, changeControl, relationshipTarget };
  },
  ruleFacts: (model, event, _state, context) => {
    const { ciId, at, changeControl } = event.data;
    const verdict = changeControl.changeId === undefined ? undefined : namedChangeVerdict(model.history.aggregates.of("change"), changeControl.changeId, ciId, at);
    return { ...context, changeControl: requirementFor(model.history, ciId, context), ...(verdict === undefined ? {} : { namedChange: verdict }) };
  },
  readiness: (model, ciId, event) => updateCi(model, ciId, event),
};
