import type { RecordedEvent } from "@handover/core";
import { auditFindings, handoverView, type AuditFindings, type HandoverView } from "@handover/projections";
import { PROJECT_ID } from "../../generate/itil/world.js";
import { handoverViewDigest } from "../w3/summary.js";
import { teeAsync } from "./tee.js";

/** What an audit replay of a whole log answers: the CMDB and readiness at the end, and every finding on the way. */
export interface AuditReplay {
  readonly view: HandoverView;
  readonly findings: AuditFindings;
}

/**
 * The audit replay an auditor runs on a log: CMDB, transition readiness and audit findings,
 * from one read of the log (the read models follow the same stream side by side).
 */
export async function auditReplay(events: AsyncIterable<RecordedEvent>): Promise<AuditReplay> {
  const [forView, forFindings] = teeAsync(events, 2) as [AsyncIterable<RecordedEvent>, AsyncIterable<RecordedEvent>];
  const [view, findings] = await Promise.all([handoverView(forView, PROJECT_ID), auditFindings(forFindings)]);
  return { view, findings };
}

/** The digest of an audit replay: the view's digest, then the findings counted by kind. */
export function auditReplayDigest({ view, findings }: AuditReplay): string {
  const counts = Object.entries(findings.counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, count]) => `${kind}=${count}`)
    .join(",");
  return `${handoverViewDigest(view)} findings@${findings.position}:${findings.findings.length}[${counts}]`;
}
