import type { RecordedEvent } from "@handover/core";
import { phaseGate, rolesOf, type ControlledProcess } from "@handover/itil";
import type { ProjectEventOf } from "@handover/project";
import type { History } from "../history/history.js";
import { entityOfStream } from "./entities.js";
import type { FindingsCollector } from "./finding.js";

/** The controlled process an event starts using, if it creates an aggregate of one (a solution-level change is `solution_change`). */
export function processStartedBy(event: RecordedEvent): ControlledProcess | undefined {
  switch (event.type) {
    case "configuration.ci_registered":
      return "configuration";
    case "change.raised":
      return (event.data as { scope?: { level?: string } }).scope?.level === "project" ? "project_change" : "solution_change";
    case "incident.logged":
      return "incident";
    case "problem.logged":
      return "problem";
    case "release.planned":
      return "release";
    default:
      return undefined;
  }
}

/** A process used before the phase the policy makes it apply from (or left out by the policy), per the project's phase at the time. */
export function checkPhaseGate(event: RecordedEvent, history: History, findings: FindingsCollector): void {
  const process = processStartedBy(event);
  if (process === undefined) return;
  const gate = phaseGate(history.policy().control, process, history.phase());
  if (gate.verdict === "allowed") return;
  const entityId = entityOfStream(event.streamId);
  const kind = gate.verdict === "disabled" ? "process_disabled" : "process_before_phase";
  const phaseEvidence = history.project()?.lastPosition;
  findings.add(event, entityId, { kind, source: "replay", message: `${event.type} of ${entityId}: ${gate.message}`, ...(phaseEvidence === undefined ? {} : { evidence: [phaseEvidence] }) });
}

/**
 * A transition signed off while readiness failed (with the override recorded), the breaches
 * the sign-off recorded in record mode, and a signer who is not a service owner.
 */
export function checkSignOff(event: RecordedEvent<ProjectEventOf<"project.transition_signed_off">>, history: History, findings: FindingsCollector): void {
  const { projectId, by, readiness, override, breaches } = event.data;
  if (!readiness.ready) {
    const failing = readiness.failing.map((check) => `${check.check}: ${check.explanation}`).join("; ");
    const because = override === undefined ? "" : ` with the override "${override.reason}"`;
    findings.add(event, projectId, { kind: "signoff_not_ready", rule: "signoff_readiness", source: "recorded", message: `project ${projectId}: signed off${because} although readiness failed (${failing || "no check named"})` });
  }
  for (const breach of breaches) {
    const kind = breach.rule === "signoff_readiness" ? "signoff_not_ready" : "approver_role";
    findings.add(event, projectId, { kind, rule: breach.rule, source: "recorded", message: breach.message });
  }
  if (!rolesOf(history.policy().roles, by).includes("service_owner")) {
    findings.add(event, projectId, { kind: "approver_role", rule: "approver_role", source: "replay", message: `project ${projectId}: ${by} signed the transition off without the service_owner role` });
  }
}
