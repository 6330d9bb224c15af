import {
  baseline,
  cmdbAsOf,
  diffBaselines,
  drift,
  incidentSummary,
  knownErrors,
  readinessTimeline,
  type BaselineContents,
  type BaselineDiff,
  type Cmdb,
  type Drift,
  type IncidentSummary,
  type KnownErrors,
  type Readiness,
  type ReadinessOptions,
  type ReadinessTimeline,
  type AuditFindings,
  auditFindings,
  assessControls,
  CONTROL_FRAMEWORKS,
  processMetrics,
  ruleOccasions,
  type ControlAssessment,
  type ControlFramework,
  type ProcessMetrics,
} from "@handover/projections";
import { defaultPolicy } from "@handover/itil";
import type { OpenedLog } from "../sources/with-log.js";
import { replaySummary, type ReplaySummary } from "../views/replay-summary.js";

/** The baseline the pack shows, what changed since, and how it differs from the baseline before it. */
export interface BaselineSection {
  readonly contents: BaselineContents;
  /** The CMDB in the view compared with the baseline, each difference judged. */
  readonly drift: Drift;
  /** The baseline taken before it, and what differs between the two (null when it is the first). */
  readonly previous: { readonly contents: BaselineContents; readonly diff: BaselineDiff } | null;
}

/** Everything the handover pack shows, read from one log in one view. */
export interface ReportData {
  readonly source: string;
  readonly generatedAt: string;
  readonly view: OpenedLog["view"];
  readonly projectId: string;
  readonly summary: ReplaySummary;
  readonly readiness: Readiness;
  readonly timeline: ReadinessTimeline;
  readonly cmdb: Cmdb;
  readonly baseline: BaselineSection | null;
  readonly findings: AuditFindings;
  readonly incidents: IncidentSummary;
  readonly knownErrors: KnownErrors;
  /** The process metrics over the view (change management, DORA's four keys, incidents), each with its weekly series. */
  readonly metrics: ProcessMetrics;
  /** The controls of the framework the pack was asked for (ISO/IEC 20000-1 by default), judged in the view. */
  readonly controls: { readonly assessment: ControlAssessment };
}

async function contentsOf(log: OpenedLog, name: string, projectId: string): Promise<BaselineContents | null> {
  const found = await baseline(log.events(), name, { ...log.view, projectId });
  return found._tag === "Right" ? found.right : null;
}

/** The last baseline of the project in the view (production or project), with its drift and its diff from the one before. */
async function baselineSection(log: OpenedLog, cmdb: Cmdb, projectId: string): Promise<BaselineSection | null> {
  const taken = cmdb.baselines.filter((record) => record.projectId === projectId);
  const last = taken.at(-1);
  if (last === undefined) return null;
  const contents = await contentsOf(log, last.name, projectId);
  if (contents === null) return null;
  const before = taken.at(-2);
  const previousContents = before === undefined ? null : await contentsOf(log, before.name, projectId);
  return {
    contents,
    drift: await drift(contents, log.events(), { ...log.view }),
    previous: previousContents === null ? null : { contents: previousContents, diff: diffBaselines(previousContents, contents) },
  };
}

/**
 * Reads what the handover pack of a project shows, each part from the projections in the
 * view asked: the replay summary (with readiness and open incidents), the readiness
 * timeline, the CMDB, the last baseline with its drift and its diff from the baseline
 * before, the audit findings, the incident register with its SLA summary, and the known
 * errors, the process metrics, and the controls of a framework (ISO/IEC 20000-1 unless
 * another is given). Every read verifies the chain. Undefined when the project never started in the view.
 */
export async function readReportData(log: OpenedLog, projectId: string, options: ReadinessOptions, generatedAt: string, framework: ControlFramework = CONTROL_FRAMEWORKS.iso20000): Promise<ReportData | undefined> {
  const summary = await replaySummary(log.events(), log.view, { ...options, projectId });
  if (summary.readiness === null) return undefined;
  const policy = options.policy ?? defaultPolicy;
  const cmdb = await cmdbAsOf(log.events(), { ...log.view });
  const findings = await auditFindings(log.events(), policy, { ...log.view, projectId });
  const occasions = await ruleOccasions(log.events(), log.view);
  return {
    source: log.source.spec.label,
    generatedAt,
    view: log.view,
    projectId,
    summary,
    readiness: summary.readiness,
    timeline: await readinessTimeline(log.events(), projectId, options),
    cmdb,
    baseline: await baselineSection(log, cmdb, projectId),
    findings,
    incidents: await incidentSummary(log.events(), { ...log.view, sla: summary.sla }),
    knownErrors: await knownErrors(log.events(), { ...log.view }),
    metrics: await processMetrics(log.events(), policy, { ...log.view, projectId }),
    controls: { assessment: assessControls(framework, { findings, occasions, readiness: summary.readiness }) },
  };
}
