import type { Breach, Rule, RuleContext } from "./rules.js";

/**
 * One id an event names that another process owns: the owning process (its descriptor's
 * `name`, as the one list of processes names it), the id, what to call it in a sentence
 * (`CI`, `change`), and the field it is in.
 */
export interface Reference {
  readonly kind: string;
  readonly noun: string;
  readonly id: string;
  readonly field: string;
}

/**
 * The references rule as a rule of a process: every id an event names that another process
 * owns (`referencesOf`: the changes and CIs of a release, the CIs, problems and changes linked
 * to an incident, the incidents of a failed test iteration, …) is held by the log before the
 * event (`facts.exists`). `label` names the entity for the sentence.
 */
export function referencesRule<State, Event extends { readonly type: string }, Facts extends RuleContext>(
  judges: readonly Event["type"][],
  referencesOf: (event: Event, state: State) => readonly Reference[],
  label: (event: Event) => string,
): Rule<State, Event, Facts> {
  return {
    name: "references_exist",
    judges,
    summary: "every id a step names that another process owns (the changes and CIs of a release, the CIs, problems and changes linked to an incident, the incidents of a failed test iteration, a relationship's target, the requirement or scope item a project-level change targets once it is implemented) is in the log before the step",
    check: (state, event, facts): Breach | undefined => {
      const missing = referencesOf(event, state).filter((reference) => !facts.exists(reference.kind, reference.id));
      if (missing.length === 0) return undefined;
      const named = missing.map((reference) => `${reference.noun} ${reference.id} (${reference.field})`).join(", ");
      const message = `${label(event)}: ${event.type} names ${named}, which the log does not hold; register or raise ${missing.length === 1 ? "it" : "them"} first, or correct the id`;
      return { rule: "references_exist", code: "unknown_reference", message, details: { missing } };
    },
  };
}
