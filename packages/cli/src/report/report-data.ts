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
import { shareOneRead, type RecordedEvent } from "@handover/core";
import { defaultPolicy } from "@handover/itil";
import type { OpenedLog } from "../sources/with-log.js";
import { replaySummary, type ReplaySummary } from "../views/replay-summary.js";
import type { LogView } from "../views/view.js";

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

/** The contents of the project's baseline of that name, read from events (null when the view does not hold it). */
async function contentsOf(events: AsyncIterable<RecordedEvent>, view: LogView, name: string, projectId: string): Promise<BaselineContents | null> {
  const found = await baseline(events, name, { ...view, projectId });
  return found._tag === "Right" ? found.right : null;
}

/**
 * Reads what the handover pack of a project shows, each part from the projections in the
 * view asked: the replay summary (with readiness and open incidents), the readiness
 * timeline, the CMDB, the last baseline with its drift and its diff from the baseline
 * before, the audit findings, the incident register with its SLA summary, and the known
 * errors, the process metrics, and the controls of a framework (ISO/IEC 20000-1 unless
 * another is given). Undefined when the project never started in the view.
 *
 * The projections share reads of the log (`shareOneRead`): three reads, each verifying the
 * chain, where reading each projection on its own took eleven. The first answers all that
 * needs nothing but the log; the second what needs the first's answers (the incident
 * register under the project's SLA policy at the end, the two baselines' contents); the
 * third the last baseline's drift.
 */
export async function readReportData(log: OpenedLog, projectId: string, options: ReadinessOptions, generatedAt: string, framework: ControlFramework = CONTROL_FRAMEWORKS.iso20000): Promise<ReportData | undefined> {
  const { view } = log;
  const policy = options.policy ?? defaultPolicy;
  const first = await shareOneRead(log.events(), {
    summary: (events) => replaySummary(events, view, { ...options, projectId }),
    cmdb: (events) => cmdbAsOf(events, { ...view }),
    findings: (events) => auditFindings(events, policy, { ...view, projectId }),
    occasions: (events) => ruleOccasions(events, view),
    timeline: (events) => readinessTimeline(events, projectId, options),
    knownErrors: (events) => knownErrors(events, { ...view }),
    metrics: (events) => processMetrics(events, policy, { ...view, projectId }),
  });
  const { summary, cmdb, findings } = first;
  if (summary.readiness === null) return undefined;
  const taken = cmdb.baselines.filter((record) => record.projectId === projectId);
  const [before, last] = [taken.at(-2), taken.at(-1)];
  const second = await shareOneRead(log.events(), {
    incidents: (events) => incidentSummary(events, { ...view, sla: summary.sla }),
    last: async (events) => (last === undefined ? null : await contentsOf(events, view, last.name, projectId)),
    before: async (events) => (before === undefined ? null : await contentsOf(events, view, before.name, projectId)),
  });
  const contents = second.last;
  return {
    source: log.source.spec.label,
    generatedAt,
    view,
    projectId,
    summary,
    readiness: summary.readiness,
    timeline: first.timeline,
    cmdb,
    baseline:
      contents === null
        ? null
        : {
            contents,
            drift: await drift(contents, log.events(), { ...view }),
            previous: second.before === null ? null : { contents: second.before, diff: diffBaselines(second.before, contents) },
          },
    findings,
    incidents: second.incidents,
    knownErrors: first.knownErrors,
    metrics: first.metrics,
    controls: { assessment: assessControls(framework, { findings, occasions: first.occasions, readiness: summary.readiness }) },
  };
}
