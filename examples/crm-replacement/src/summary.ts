import type { ChangeState } from "@handover/change";
import type { ChainHead } from "@handover/core";
import { changeStates, ciStates, projectState, type EngineView } from "@handover/engine";
import type { IncidentState } from "@handover/incident";
import type { ProblemState } from "@handover/problem";
import type { ReleaseState } from "@handover/release";
import type { DeliberateBreach } from "./story/agenda.js";
import type { StepOutcome } from "./story/play.js";

/** How many of each, by a key. */
export type Tally = Readonly<Record<string, number>>;

/** A rule the story broke on purpose, and where the log shows it. */
export interface RecordedBreach extends DeliberateBreach {
  readonly at: string;
  readonly actor: string;
  readonly commandType: string;
  readonly positions: readonly number[];
}

/** What the history holds, for the CLI and the tests. */
export interface CrmHistorySummary {
  readonly projectId: string;
  readonly project: { readonly phase: string; readonly status: string; readonly baselines: readonly { readonly name: string; readonly kind: string; readonly cis: number }[] };
  readonly events: number;
  readonly headHash: string;
  /** First and last business time of the story. */
  readonly period: { readonly from: string; readonly to: string };
  readonly cis: { readonly total: number; readonly byType: Tally; readonly byStatus: Tally; readonly relationships: number };
  readonly changes: { readonly total: number; readonly byType: Tally; readonly byStatus: Tally; readonly rejectedAndRevised: readonly string[] };
  readonly incidents: { readonly total: number; readonly byStatus: Tally; readonly byPriority: Tally };
  readonly problems: { readonly total: number; readonly knownErrors: number; readonly byStatus: Tally };
  readonly releases: { readonly total: number; readonly failedIterations: number; readonly passedIterations: number; readonly inProduction: readonly string[] };
  readonly steps: { readonly total: number; readonly accepted: number; readonly refused: Tally; readonly unexpected: readonly StepOutcome[] };
  readonly breaches: readonly RecordedBreach[];
}

function tally<T>(items: Iterable<T>, key: (item: T) => string): Tally {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function statesOf<State>(view: EngineView, process: string): State[] {
  return [...view.aggregatesOf<State>(process)].map((entry) => entry.state);
}

/** Counts the view's aggregates and the story's steps into a summary. */
export function summarise(view: EngineView, head: ChainHead, outcomes: readonly StepOutcome[]): CrmHistorySummary {
  const project = projectState(view);
  if (project === undefined) throw new Error("the story did not start its project; see the first step's outcome");
  const cis = [...ciStates(view).values()];
  const changes: ChangeState[] = [...changeStates(view).values()];
  const incidents = statesOf<IncidentState>(view, "incident");
  const problems = statesOf<ProblemState>(view, "problem");
  const releases = statesOf<ReleaseState>(view, "release");
  const iterations = releases.flatMap((release) => release.iterations);
  return {
    projectId: project.projectId,
    project: { phase: project.phase, status: project.status, baselines: project.baselines.map((baseline) => ({ name: baseline.name, kind: baseline.kind, cis: baseline.cis.length })) },
    events: head.position,
    headHash: head.hash,
    period: { from: outcomes[0]?.step.at ?? "", to: outcomes.at(-1)?.step.at ?? "" },
    cis: { total: cis.length, byType: tally(cis, (ci) => ci.ciType), byStatus: tally(cis, (ci) => ci.status), relationships: cis.reduce((sum, ci) => sum + ci.relationships.length, 0) },
    changes: {
      total: changes.length,
      byType: tally(changes, (change) => change.changeType ?? "unknown"),
      byStatus: tally(changes, (change) => change.status),
      rejectedAndRevised: changes.filter((change) => change.revision > 0).map((change) => change.changeId ?? ""),
    },
    incidents: { total: incidents.length, byStatus: tally(incidents, (incident) => incident.status), byPriority: tally(incidents, (incident) => `P${incident.priority}`) },
    problems: { total: problems.length, knownErrors: problems.filter((problem) => problem.knownError !== null).length, byStatus: tally(problems, (problem) => problem.status) },
    releases: {
      total: releases.length,
      failedIterations: iterations.filter((iteration) => iteration.result === "failed").length,
      passedIterations: iterations.filter((iteration) => iteration.result === "passed").length,
      inProduction: releases.filter((release) => release.deployments.some((deployment) => deployment.environment === "production")).map((release) => release.releaseId ?? ""),
    },
    steps: {
      total: outcomes.length,
      accepted: outcomes.filter((outcome) => outcome.result.outcome === "accepted").length,
      refused: tally(outcomes.filter((outcome) => outcome.result.outcome === "refused"), (outcome) => (outcome.result.outcome === "refused" ? outcome.result.code : "")),
      unexpected: outcomes.filter((outcome) => !outcome.asExpected),
    },
    breaches: outcomes.flatMap(breachOf),
  };
}

function breachOf(outcome: StepOutcome): RecordedBreach[] {
  const { step, result } = outcome;
  if (step.expect.outcome !== "accepted" || step.expect.breach === undefined) return [];
  const positions = result.outcome === "accepted" ? result.positions : [];
  return [{ ...step.expect.breach, at: step.at, actor: step.actor, commandType: step.command.type, positions }];
}
