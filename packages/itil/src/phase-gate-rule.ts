import { phaseGate, type ControlledProcess } from "./control-policy.js";
import type { ProjectPhase } from "./phases.js";
import type { Breach, Rule, RuleContext } from "./rules.js";

/**
 * The phase gate as a rule of a process: starting to use a controlled process (the event
 * that opens one of its aggregates: logging an incident, raising a change) before the phase
 * the policy makes it apply from is a breach, in the process's mode; so is starting one the
 * policy leaves out (always refused). Work on what already exists goes on whatever the phase.
 * A log that holds no project has no phase: the gate judges nothing there.
 * `opens` are the event types that start using the process, `controlled` names the controlled
 * process one of them starts using (a change's level decides between project and solution
 * change), `label` names the entity for the sentence, `from` the phase the event may come
 * from when it is not the process's own (raising a solution-level change ahead of its
 * implementation).
 */
export function phaseGateRule<State, Event extends { readonly type: string }, Facts extends RuleContext>(
  opens: readonly Event["type"][],
  controlled: (state: State, event: Event) => ControlledProcess | undefined,
  label: (event: Event) => string,
  from?: (event: Event, facts: Facts) => ProjectPhase | undefined,
): Rule<State, Event, Facts> {
  return {
    name: "phase_gate",
    judges: opens,
    summary: "a process is started (an incident logged, a change raised, a release planned) only from the phase the policy makes it apply from, and not at all when the policy leaves it out",
    check: (state, event, facts): Breach | undefined => {
      const process = controlled(state, event);
      if (process === undefined || facts.withoutProject === true) return undefined;
      const earlier = from?.(event, facts);
      const gate = phaseGate(facts.policy.control, process, facts.phase, earlier);
      if (gate.verdict === "allowed") return undefined;
      const entity = `${label(event)}: ${event.type}`;
      if (gate.verdict === "disabled") return { rule: "phase_gate", code: "process_disabled", message: `${entity}: ${gate.message}`, process, disabled: true };
      const appliesFrom = earlier ?? facts.policy.control.processes[process].appliesFrom;
      const message = `${entity}: ${gate.message}; enter ${appliesFrom} first, or set the policy's mode for ${process} to record`;
      return { rule: "phase_gate", code: "phase_gate", message, process, details: { phase: facts.phase } };
    },
  };
}
