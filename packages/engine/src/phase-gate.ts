import { domainError, type DomainError } from "@handover/core";
import { phaseGate, type ControlledProcess, type HandoverPolicy, type ProjectPhase } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";

/** What the gate decided: go ahead, or go ahead although the rule was broken (record mode). */
export interface GateOutcome {
  readonly recordedBreach: string | undefined;
}

/**
 * Applies the control policy's phase gate to a command's process: refused before the phase
 * the policy names (enforce), accepted with a breach noted (record), refused when the
 * policy leaves the process out.
 */
export function checkPhaseGate(
  commandType: string,
  process: ControlledProcess | undefined,
  policy: HandoverPolicy,
  phase: ProjectPhase,
): Either<DomainError, GateOutcome> {
  if (process === undefined) return right({ recordedBreach: undefined });
  const gate = phaseGate(policy.control, process, phase);
  switch (gate.verdict) {
    case "allowed":
      return right({ recordedBreach: undefined });
    case "recorded":
      return right({ recordedBreach: gate.message });
    case "disabled":
      return left(domainError("process_disabled", `${commandType}: ${gate.message}`, { process }));
    case "refused":
      return left(domainError("phase_gate", `${commandType}: ${gate.message}; enter ${policy.control.processes[process].appliesFrom} first, or set the policy's mode for ${process} to record`, { process, phase }));
  }
}
