import type { CrmHistorySummary, Tally } from "./summary.js";

function listed(counts: Tally): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `${key} ${count}`)
    .join(", ");
}

/** The summary as lines a person reads after building the history. */
export function reportLines(summary: CrmHistorySummary): string[] {
  const { cis, changes, incidents, problems, releases, steps, project } = summary;
  const lines = [
    `Orbit CRM (${summary.projectId}): ${summary.period.from.slice(0, 10)} to ${summary.period.to.slice(0, 10)}, project ${project.status} (phase ${project.phase})`,
    `  log: ${summary.events} events, head ${summary.headHash}`,
    `  CIs: ${cis.total} (${listed(cis.byType)}); ${cis.relationships} relationships; ${listed(cis.byStatus)}`,
    `  changes: ${changes.total} (${listed(changes.byType)}); ${listed(changes.byStatus)}; rejected and revised: ${changes.rejectedAndRevised.join(", ")}`,
    `  incidents: ${incidents.total} (${listed(incidents.byPriority)}); ${listed(incidents.byStatus)}`,
    `  problems: ${problems.total}, ${problems.knownErrors} became known errors; ${listed(problems.byStatus)}`,
    `  releases: ${releases.total}; test iterations failed ${releases.failedIterations}, passed ${releases.passedIterations}; in production: ${releases.inProduction.join(", ")}`,
    `  baselines: ${project.baselines.map((baseline) => `${baseline.name} (${baseline.kind}, ${baseline.cis} CIs)`).join("; ")}`,
    `  steps: ${steps.total}, accepted ${steps.accepted}; refused as the story expects: ${listed(steps.refused)}`,
    ...summary.breaches.map((breach) => `  deliberate breach (${breach.finding}) at position ${breach.positions[0] ?? "?"}: ${breach.why}`),
  ];
  for (const outcome of steps.unexpected) {
    const result = outcome.result.outcome === "refused" ? `refused (${outcome.result.code}): ${outcome.result.message}` : "accepted";
    const expected = outcome.step.expect.outcome === "refused" ? `refused with ${outcome.step.expect.code}` : "accepted";
    lines.push(`  UNEXPECTED ${outcome.commandId} at ${outcome.step.at} by ${outcome.step.actor}, ${outcome.step.command.type}: expected ${expected}, got ${result}`);
  }
  return lines;
}
