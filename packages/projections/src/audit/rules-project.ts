import type { RecordedEvent } from "@handover/core";
import { phaseGate, rolesOf, type ControlledProcess } from "@handover/itil";
import type { ProjectEventOf } from "@handover/project";
import type { History } from "../history/history.js";
import type { ReadinessCriteria } from "../readiness/criteria.js";
import { readinessOf } from "../readiness/evaluate.js";
import type { ReadinessState } from "../readiness/state.js";
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

/** A process used before the phase the policy makes it apply from (or left out by the policy), per the project's phase at the time, and as the event recorded it (record mode). */
export function checkPhaseGate(event: RecordedEvent, history: History, findings: FindingsCollector): void {
  const process = processStartedBy(event);
  if (process === undefined) return;
  const entityId = entityOfStream(event.streamId);
  for (const breach of event.meta.recordedBreaches ?? []) {
    if (breach.rule === "phase_gate") findings.add(event, entityId, { kind: "process_before_phase", source: "recorded", message: breach.message });
  }
  const gate = phaseGate(history.policy().control, process, history.phase());
  if (gate.verdict === "allowed") return;
  const kind = gate.verdict === "disabled" ? "process_disabled" : "process_before_phase";
  const phaseEvidence = history.project()?.lastPosition;
  findings.add(event, entityId, { kind, source: "replay", message: `${event.type} of ${entityId}: ${gate.message}`, ...(phaseEvidence === undefined ? {} : { evidence: [phaseEvidence] }) });
}

/** Readiness as replay finds it just before the sign-off, whatever the sign-off recorded (an import may claim it passed). */
function checkReplayedReadiness(event: RecordedEvent<ProjectEventOf<"project.transition_signed_off">>, state: ReadinessState, findings: FindingsCollector, criteria: ReadinessCriteria | undefined): void {
  const { projectId } = event.data;
  const replayed = readinessOf(state, projectId, criteria);
  if (replayed.ready) return;
  const failing = replayed.checks.filter((check) => check.status === "fail");
  const claimed = event.data.readiness.ready ? "the sign-off recorded readiness as passing, but " : "";
  findings.add(event, projectId, {
    kind: "signoff_not_ready",
    rule: "signoff_readiness",
    source: "replay",
    message: `project ${projectId}: signed off while ${claimed}replay finds readiness failing (${failing.map((check) => `${check.name}: ${check.explanation}`).join("; ")})`,
    evidence: [...new Set(failing.flatMap((check) => check.evidence))].sort((a, b) => a - b),
  });
}

/**
 * A transition signed off while readiness failed: as the sign-off recorded it (with the
 * override), and as replay finds it at that point; the breaches the sign-off recorded in
 * record mode; a signer who is not a service owner.
 */
export function checkSignOff(event: RecordedEvent<ProjectEventOf<"project.transition_signed_off">>, state: ReadinessState, findings: FindingsCollector, criteria?: ReadinessCriteria): void {
  const history: History = state.history;
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
  checkReplayedReadiness(event, state, findings, criteria);
}
