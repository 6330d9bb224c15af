import { permissionRule, phaseGateRule, referencesRule, type Breach, type Reference, type Rule, type RuleContext } from "@handover/itil";
import type { ProblemEvent } from "./events.js";
import type { ProblemState } from "./state.js";

/** What change management says of the change a problem's resolution names. */
export interface ResolvingChangeFact {
  readonly changeId: string;
  readonly status: string;
  readonly outcome?: string;
  /** True when its implementation completed successfully (change's `implementedSuccessfully`). */
  readonly implementedSuccessfully: boolean;
}

/** What problem management's rules read: the rule context and, for a resolution, the change it names (absent when the log does not hold it). */
export interface ProblemRuleFacts extends RuleContext {
  readonly resolvingChange?: ResolvingChangeFact;
}

/** A rule of this process: a function of the state before an event, the event and the rule facts. */
export type ProblemRule = Rule<ProblemState, ProblemEvent, ProblemRuleFacts>;

/** Problem resolution: a problem is resolved by a change that was implemented successfully. */
export const resolvedByImplementedChange: ProblemRule = {
  name: "problem_resolution",
  summary: "a problem is resolved by a change the log holds, implemented successfully",
  judges: ["problem.resolved"],
  check: (_state, event, facts): Breach | undefined => {
    if (event.type !== "problem.resolved") return undefined;
    const { problemId, changeId } = event.data;
    const change = facts.resolvingChange;
    if (change?.changeId !== changeId) {
      const message = `problem ${problemId}: change ${changeId} is not known; raise and implement the change that resolves it first`;
      return { rule: "problem_resolution", code: "unknown_change", message, details: { problemId, changeId } };
    }
    if (change.implementedSuccessfully) return undefined;
    const outcome = change.outcome === undefined ? "" : ` (outcome ${change.outcome})`;
    const message = `problem ${problemId}: change ${changeId} is ${change.status}${outcome}; a problem is resolved by a change implemented successfully`;
    return { rule: "problem_resolution", code: "change_not_implemented", message, details: { problemId, changeId } };
  },
};

/** The ids a problem event names that other processes own: the CIs it is logged or a known error recorded on, a linked incident. */
export function referencesOfProblem(event: ProblemEvent): readonly Reference[] {
  switch (event.type) {
    case "problem.logged":
    case "problem.known_error_recorded":
      return event.data.ciIds.map((ciId, index) => ({ kind: "configuration", noun: "CI", id: ciId, field: `ciIds[${index}]` }));
    case "problem.incident_linked":
      return [{ kind: "incident", noun: "incident", id: event.data.incidentId, field: "incidentId" }];
    default:
      return [];
  }
}

/** Problem management's rules: its phase gate, the permission to work problems (`problem_work`) for every event, and resolution by an implemented change. */
export const problemRules: readonly ProblemRule[] = [
  phaseGateRule<ProblemState, ProblemEvent, ProblemRuleFacts>(["problem.logged"], () => "problem", (event) => `problem ${event.data.problemId}`),
  permissionRule<ProblemState, ProblemEvent, ProblemRuleFacts>(() => "problem_work", (event) => `problem ${event.data.problemId}`),
  referencesRule<ProblemState, ProblemEvent, ProblemRuleFacts>(["problem.logged", "problem.known_error_recorded", "problem.incident_linked"], referencesOfProblem, (event) => `problem ${event.data.problemId}`),
  resolvedByImplementedChange,
];
