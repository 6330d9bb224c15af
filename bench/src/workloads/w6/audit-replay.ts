import type { RecordedEvent, SpillStore } from "@handover/core";
import { auditReplay as replayForAudit, type AuditFinding, type AuditReplay as Replayed } from "@handover/projections";
import { PROJECT_ID } from "../../generate/itil/world.js";
import { handoverViewDigest } from "../w3/summary.js";

/** What an audit replay of a whole log answers: the CMDB and readiness at the end, the findings' counts, and a digest of every finding as it was written out. */
export interface AuditReplay extends Replayed {
  /** How many findings were written out, and a rolling digest of their kinds and positions. */
  readonly written: { readonly count: number; readonly digest: number };
}

/**
 * The audit replay an auditor runs on a log: CMDB, transition readiness and audit findings,
 * from one read of the log into one model (projections' `auditReplay`); with `spill`, the
 * finished work items are kept there instead of in memory.
 */
export async function auditReplay(events: AsyncIterable<RecordedEvent>, spill?: SpillStore): Promise<AuditReplay> {
  // Findings are written out as they are found (here: into a digest), as an audit of millions of events would write them to a file, so memory does not grow with them.
  const written = { count: 0, digest: 0 };
  const write = (finding: AuditFinding): void => {
    written.count++;
    written.digest = (Math.imul(written.digest, 31) + finding.position * 7 + finding.kind.length) | 0;
  };
  const replayed = await replayForAudit(events, PROJECT_ID, spill === undefined ? { onFinding: write } : { onFinding: write, spill });
  return { ...replayed, written };
}

/** The digest of an audit replay: the view's digest, then the findings counted by kind. */
export function auditReplayDigest({ view, findings, written }: AuditReplay): string {
  const counts = Object.entries(findings.counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, count]) => `${kind}=${count}`)
    .join(",");
  return `${handoverViewDigest(view)} findings@${findings.position}:${written.count}#${written.digest}[${counts}]`;
}
