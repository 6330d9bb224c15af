import { controlsAndMetrics } from "./markdown-audit.js";
import { ciGraph } from "../graph/ci-graph.js";
import { renderMermaid } from "../graph/mermaid.js";
import { baselineTitle, describeDifference, diffLines } from "../views/baseline-text.js";
import { durationText } from "../views/duration.js";
import { describeView } from "../views/view.js";
import { md, mdEvidence, mdStatus, mdTable, mdWhen } from "./markdown-parts.js";
import type { ReportData } from "./report-data.js";

function readiness(data: ReportData): string[] {
  const { readiness: answer, timeline } = data;
  const rows = answer.checks.map((check) => [md(check.name), mdStatus(check.status), md(check.explanation), mdEvidence(check.evidence)]);
  const first = timeline.points.find((point) => point.position === timeline.firstReady);
  const points = timeline.points.map((point) => [String(point.position), mdWhen(point.at), md(point.type), point.ready ? "✅ ready" : "❌ not ready", md(point.flips.map((flip) => `${flip.check}: ${flip.from ?? "-"} → ${flip.to}`).join("; "))]);
  return [
    "## Transition readiness",
    `**${answer.ready ? "✅ Ready to hand over" : "❌ Not ready to hand over"}** at log position ${answer.position}.`,
    mdTable(["Check", "Verdict", "Why", "Evidence"], rows),
    "## Readiness timeline",
    first === undefined ? "Readiness never passed in this view." : `Readiness first passed at position ${first.position} (${mdWhen(first.at)}, ${md(first.type)}).`,
    mdTable(["Position", "When", "Event", "Verdict", "What flipped"], points),
  ];
}

function cmdb(data: ReportData): string[] {
  const graph = ciGraph(data.cmdb);
  const lines = ["## CI graph", `${graph.nodes.length} CIs and ${graph.edges.length} relationships at log position ${data.cmdb.position}.`, `\`\`\`mermaid\n${renderMermaid(graph)}\`\`\``, "## CMDB baseline"];
  const section = data.baseline;
  if (section === null) return [...lines, "No baseline was taken in this view."];
  const { contents, drift, previous } = section;
  const items = contents.cis.map((item) => [md(item.ciId), md(item.ciType), md(item.name), md(item.owner), md(item.status), String(item.version), md(Object.entries(item.attributes).map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(", ")), md(item.relationships.map((each) => `${each.type} ${each.targetCiId}`).join(", "))]);
  const differences = drift.differences.map((difference) => [md(difference.ciId), md(describeDifference(difference)), difference.authorised ? "yes" : "**NO**", mdEvidence(difference.evidence.map((each) => each.position))]);
  const before = previous === null ? ["It is the project's first baseline."] : [`From "${md(previous.contents.name)}" to "${md(contents.name)}":`, ...diffLines(previous.diff).map((line) => `- ${md(line)}`)];
  return [
    ...lines,
    `${md(baselineTitle(contents))}; ${contents.cis.length} CIs.`,
    mdTable(["CI", "Type", "Name", "Owner", "Status", "Version", "Attributes", "Relationships"], items),
    "### Changes since the baseline",
    `${drift.differences.length} difference(s), ${drift.authorised} authorised, ${drift.unauthorised} not.`,
    mdTable(["CI", "Difference", "Authorised", "Evidence"], differences),
    "### Against the baseline before it",
    ...before,
  ];
}

function work(data: ReportData): string[] {
  const findings = data.findings.findings.map((finding) => [String(finding.position), mdWhen(finding.at), md(finding.kind), md(finding.entityId), md(finding.actor), md(finding.message), mdEvidence(finding.evidence)]);
  const madeSla = new Map(data.incidents.register.map((entry) => [entry.number, entry.madeSla]));
  const open = data.summary.openIncidents.map((incident) => [md(incident.incidentId), md(incident.title), `P${incident.priority}`, md(incident.status), md(incident.assignedTo), mdWhen(incident.loggedAt), md(incident.ciIds.join(", ")), madeSla.get(incident.incidentId) === false ? "breached" : "yes"]);
  const sla = data.incidents.byPriority.map((row) => [`P${row.priority}`, String(row.count), String(row.open), String(row.resolved), durationText(row.medianResolutionMinutes), durationText(row.p90ResolutionMinutes), String(row.breaches)]);
  const slaCheck = data.readiness.checks.find((check) => check.name === "sla_performance");
  const known = data.knownErrors.knownErrors.map((entry) => [md(entry.problemId), md(entry.title), md(entry.symptom), md(entry.workaround), md(entry.cis.map((ci) => ci.ciId).join(", ")), md(entry.incidentIds.join(", "))]);
  return [
    "## Audit findings",
    findings.length === 0 ? "No rule was broken in this view." : mdTable(["Position", "When", "Finding", "Entity", "Actor", "What", "Evidence"], findings),
    "## Open incidents",
    open.length === 0 ? "No incident is open." : mdTable(["Incident", "Title", "Priority", "State", "Assigned to", "Logged", "CIs", "Made SLA"], open),
    "### Service level performance",
    slaCheck === undefined ? "SLA performance is not among this pack's readiness criteria." : `${mdStatus(slaCheck.status)} ${md(slaCheck.explanation)}`,
    sla.length === 0 ? "No incidents in this view." : mdTable(["Priority", "Incidents", "Open", "Resolved", "Median to resolve", "90th percentile", "SLA breaches"], sla),
    "## Known errors handed to operations",
    known.length === 0 ? "No open known error." : mdTable(["Problem", "Title", "Symptom", "Workaround", "CIs", "Incidents"], known),
  ];
}

/** The handover pack as GitHub-flavoured Markdown: the same sections as the HTML, the CI graph as a Mermaid block, every text escaped. */
export function renderMarkdownReport(data: ReportData): string {
  const project = data.summary.project;
  const header = [
    `# Handover pack: ${md(project?.name ?? data.projectId)} (${md(data.projectId)})`,
    project === null ? "" : `Phase ${md(project.phase)}, status ${md(project.status)}, manager ${md(project.manager)}.`,
    `Source \`${data.source.replace(/`/g, "'")}\` · ${md(describeView(data.view))} · log position ${data.summary.position} (${data.summary.events} events) · generated ${md(data.generatedAt)}`,
  ];
  return `${[...header, ...readiness(data), ...cmdb(data), ...work(data), ...controlsAndMetrics(data)].filter((block) => block !== "").join("\n\n")}\n`;
}
