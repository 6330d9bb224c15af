import type { AuditFinding, KnownErrorEntry, PrioritySummary } from "@handover/projections";
import { html, type SafeHtml } from "../escape.js";
import type { ReportData } from "../report-data.js";
import { durationText } from "../../views/duration.js";
import type { OpenIncident } from "../../views/replay-summary.js";
import { badge, evidence, none, table, when } from "./parts.js";

function findingRow(finding: AuditFinding): SafeHtml {
  return html`<tr><td class="num">${finding.position}</td><td class="when">${when(finding.at)}</td><td><code>${finding.kind}</code></td><td>${finding.entityId}</td><td>${finding.actor}</td><td>${finding.message}</td><td>${evidence(finding.evidence)}</td></tr>`;
}

/** The audit findings: the rules broken along the way, each with its event and evidence. */
export function findingsSection(data: ReportData): SafeHtml {
  const { findings } = data.findings;
  const body = findings.length === 0 ? none("No rule was broken in this view.") : table(["Position", "When", "Finding", "Entity", "Actor", "What", "Evidence"], findings.map(findingRow), "findings");
  return html`<section id="findings"><h2>Audit findings</h2><p>${findings.length} finding(s), found by replaying the log against the rules of each moment.</p>${body}</section>`;
}

function incidentRow(incident: OpenIncident, madeSla: ReadonlyMap<string, boolean>): SafeHtml {
  const sla = madeSla.get(incident.incidentId);
  return html`<tr><td><code>${incident.incidentId}</code></td><td>${incident.title ?? "-"}</td><td class="num">P${incident.priority}</td><td>${incident.status}</td><td>${incident.assignedTo ?? "-"}</td><td class="when">${when(incident.loggedAt)}</td><td>${incident.ciIds.join(", ") || "-"}</td><td>${incident.problemIds.join(", ") || "-"}</td><td>${sla === undefined ? "-" : sla ? "yes" : "breached"}</td></tr>`;
}

function slaRow(row: PrioritySummary): SafeHtml {
  return html`<tr><td class="num">P${row.priority}</td><td class="num">${row.count}</td><td class="num">${row.open}</td><td class="num">${row.resolved}</td><td class="num">${durationText(row.medianResolutionMinutes)}</td><td class="num">${durationText(row.p90ResolutionMinutes)}</td><td class="num">${row.breaches}</td></tr>`;
}

/** Open incidents, most urgent first, with their SLA verdict. */
export function incidentsSection(data: ReportData): SafeHtml {
  const open = data.summary.openIncidents;
  const madeSla = new Map(data.incidents.register.map((entry) => [entry.number, entry.madeSla]));
  const openBody = open.length === 0 ? none("No incident is open.") : table(["Incident", "Title", "Priority", "State", "Assigned to", "Logged", "CIs", "Problems", "Made SLA"], open.map((incident) => incidentRow(incident, madeSla)), "open-incidents");
  return html`<section id="incidents"><h2>Open incidents</h2>${openBody}</section>`;
}

/** How the service levels were met: the readiness check's plain sentence (how many resolved incidents breached, by priority) and the figures by priority. */
export function slaSection(data: ReportData): SafeHtml {
  const check = data.readiness.checks.find((each) => each.name === "sla_performance");
  const verdict = check === undefined ? none("SLA performance is not among this pack's readiness criteria.") : html`<p class="sla-verdict">${badge(check.status)} ${check.explanation}</p>`;
  const slaBody = data.incidents.byPriority.length === 0 ? none("No incidents in this view.") : table(["Priority", "Incidents", "Open", "Resolved", "Median to resolve", "90th percentile", "SLA breaches"], data.incidents.byPriority.map(slaRow), "sla");
  return html`<section id="sla"><h2>Service level performance</h2>${verdict}${slaBody}</section>`;
}

function knownErrorRow(entry: KnownErrorEntry): SafeHtml {
  return html`<tr><td><code>${entry.problemId}</code></td><td>${entry.title ?? "-"}</td><td>${entry.symptom}</td><td>${entry.rootCause ?? "not found yet"}</td><td>${entry.workaround}</td><td>${entry.cis.map((ci) => ci.ciId).join(", ") || "-"}</td><td>${entry.incidentIds.join(", ") || "-"}</td><td>${evidence([entry.position])}</td></tr>`;
}

/** The known errors operations inherit, each with its workaround, affected CIs and incidents. */
export function knownErrorsSection(data: ReportData): SafeHtml {
  const entries = data.knownErrors.knownErrors;
  const body = entries.length === 0 ? none("No open known error.") : table(["Problem", "Title", "Symptom", "Root cause", "Workaround", "CIs", "Incidents", "Recorded"], entries.map(knownErrorRow), "known-errors");
  return html`<section id="known-errors"><h2>Known errors handed to operations</h2>${body}</section>`;
}

/** How many aggregates each process holds, by state. */
export function countsSection(data: ReportData): SafeHtml {
  const rows = Object.entries(data.summary.processes).map(
    ([process, count]) => html`<tr><td>${process}</td><td class="num">${count.total}</td><td>${Object.entries(count.byState).map(([state, number]) => `${state} ${number}`).join(", ") || "-"}</td></tr>`,
  );
  return html`<section id="counts"><h2>The log in numbers</h2>${table(["Process", "Total", "By state"], rows, "counts")}</section>`;
}
