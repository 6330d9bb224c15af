import type { HandoverView } from "@handover/projections";
import { digestOf } from "../digest.js";

/** What the digest keeps of a CI: enough that two replays agreeing on it agree on the CMDB. */
export interface CiSummarySource {
  readonly ciId: string;
  readonly ciType: string;
  readonly name: string;
  readonly owner: string;
  readonly status: string;
  readonly scope: string;
  readonly version: number;
  readonly registered: { readonly position: number };
  readonly lastChange: { readonly position: number };
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly relationships: readonly { readonly type: string; readonly targetCiId: string }[];
  readonly inverses: readonly { readonly type: string; readonly ciId: string }[];
}

/** What the digest keeps of a readiness check: its name, status and how many events are its evidence. */
export interface CheckSummary {
  readonly name: string;
  readonly status: string;
  readonly evidence: number;
}

/** One CI as plain data for the digest (inverses sorted: their order is not part of the answer). */
export function ciRow(ci: CiSummarySource): unknown[] {
  const inverses = ci.inverses.map((inverse) => [inverse.ciId, inverse.type]).sort((a, b) => (`${a[0]} ${a[1]}` < `${b[0]} ${b[1]}` ? -1 : 1));
  const relationships = ci.relationships.map((relationship) => [relationship.type, relationship.targetCiId]);
  return [ci.ciId, ci.ciType, ci.name, ci.owner, ci.status, ci.scope, ci.version, ci.registered.position, ci.lastChange.position, ci.attributes, relationships, inverses];
}

/** The digest of a CMDB (CIs in registration order) and a readiness verdict, as every W3 and W4 variant computes it. */
export function itilDigest(position: number, cis: Iterable<CiSummarySource>, ready: boolean | null, checks: readonly CheckSummary[]): string {
  const rows: unknown[] = [];
  for (const ci of cis) rows.push(ciRow(ci));
  return `${position} ${rows.length} ${ready === null ? "-" : String(ready)} ${checks.map((check) => `${check.name}:${check.status}:${check.evidence}`).join(",")} ${digestOf(rows)}`;
}

/** The digest of Handover's view. */
export function handoverViewDigest(view: HandoverView): string {
  // SLA performance is left out of the comparison: the floor keeps no SLA clocks (Handover does, and that work counts against it).
  const checks = view.readiness.checks.filter((check) => check.name !== "sla_performance").map((check) => ({ name: check.name, status: check.status, evidence: check.evidence.length }));
  return itilDigest(view.cmdb.position, view.cmdb.cis, view.readiness.ready, checks);
}
