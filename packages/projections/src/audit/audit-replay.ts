import { defaultPolicy, type HandoverPolicy } from "@handover/itil";
import { cmdbOf } from "../cmdb/result.js";
import type { HandoverView } from "../engine/handover-view.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, standingOf } from "../read-options.js";
import { resolveCriteria } from "../readiness/criteria.js";
import { readinessOf } from "../readiness/evaluate.js";
import { auditScan, type AuditFindings, type AuditFindingsOptions } from "./findings.js";

/** What an auditor's replay of a log answers: the CMDB and the project's transition readiness where the range ends, and the rules broken on the way there. */
export interface AuditReplay {
  readonly view: HandoverView;
  readonly findings: AuditFindings;
}

/** Options of `auditReplay`: the organisation's policy (default: docs/policy.md's), the readiness criteria, `onFinding`, and where in the log. */
export interface AuditReplayOptions extends Omit<AuditFindingsOptions, "projectId"> {
  readonly policy?: HandoverPolicy;
}

/**
 * The audit replay of a project's log in one pass: what `handoverView` and `auditFindings`
 * answer, from one model of state fed each event once, so reading, decoding and applying
 * the log happen once rather than twice. The view equals `handoverView(log, projectId)` and
 * the findings `auditFindings(log, policy, { projectId })` over the same range; with
 * `onFinding` the findings are handed over as they are found and only counted.
 */
export function auditReplay<L extends Log>(log: L, projectId: string, options: AuditReplayOptions = {}): Answer<L, AuditReplay> {
  const range = logRangeOf(options);
  const standing = standingOf(range);
  const criteria = resolveCriteria(options.criteria);
  const scan = auditScan(options.policy ?? defaultPolicy, { ...options, projectId });
  const finish = (): AuditReplay => {
    const view = { cmdb: cmdbOf(scan.model.history.cmdb, standing), readiness: readinessOf(scan.model, projectId, criteria, standing) };
    return { view, findings: scan.finish() };
  };
  return scanLog(log, range, scan.visit, finish);
}
