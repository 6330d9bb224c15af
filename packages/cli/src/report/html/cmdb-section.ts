import type { BaselineDiff, BaselineItem, DriftDifference } from "@handover/projections";
import { ciGraph } from "../../graph/ci-graph.js";
import { renderGraphSvg } from "../../graph/svg.js";
import { baselineTitle, describeDifference, diffLines } from "../../views/baseline-text.js";
import { html, raw, type SafeHtml } from "../escape.js";
import type { ReportData } from "../report-data.js";
import { evidence, none, table } from "./parts.js";

/** The CI graph of the CMDB in the view, as an inline SVG laid out by the CLI itself. */
export function graphSection(data: ReportData): SafeHtml {
  const graph = ciGraph(data.cmdb);
  const legend = raw(
    '<p class="legend"><span><i style="background:#dafbe1;border:1px solid #1a7f37"></i>production scope</span><span><i style="background:#ddf4ff;border:1px solid #57606a"></i>project scope</span><span><i style="background:#eaeef2;border:1px solid #8c959f"></i>retired</span><span><i style="border:1px dashed #b42318"></i>not in the CMDB</span></p>',
  );
  const body = graph.nodes.length === 0 ? none("The CMDB holds no CIs in this view.") : html`${legend}<div class="figure">${raw(renderGraphSvg(graph))}</div>`;
  return html`<section id="ci-graph" class="page"><h2>CI graph</h2><p>${graph.nodes.length} CIs and ${graph.edges.length} relationships at log position ${data.cmdb.position}; arrows point from a CI to what it depends on.</p>${body}</section>`;
}

function itemRow(item: BaselineItem): SafeHtml {
  const attributes = Object.entries(item.attributes).map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(", ");
  const relationships = item.relationships.map((each) => `${each.type} ${each.targetCiId}`).join(", ");
  return html`<tr><td><code>${item.ciId}</code></td><td>${item.ciType}</td><td>${item.name}</td><td>${item.owner}</td><td>${item.status}</td><td class="num">${item.version}</td><td>${attributes || "-"}</td><td>${relationships || "-"}</td></tr>`;
}

function driftRow(difference: DriftDifference): SafeHtml {
  const changes = [...new Set(difference.evidence.flatMap((each) => (each.changeId === undefined ? [] : [each.changeId])))].join(", ");
  return html`<tr class="${difference.authorised ? "" : "unauthorised"}"><td><code>${difference.ciId}</code></td><td>${describeDifference(difference)}</td><td>${difference.authorised ? "yes" : "NO"}</td><td>${changes || "-"}</td><td>${evidence(difference.evidence.map((each) => each.position))}</td></tr>`;
}

function diffList(diff: BaselineDiff): SafeHtml {
  const lines = diffLines(diff);
  if (lines.length === 0) return none("No differences.");
  return html`<ul class="diff">${lines.map((line) => html`<li class="${line.startsWith("+") ? "diff-add" : line.startsWith("-") ? "diff-remove" : ""}"><code>${line}</code></li>`)}</ul>`;
}

/** The last baseline of the project in the view: its CIs, the drift of the CMDB since, and its diff from the baseline before it. */
export function baselineSection(data: ReportData): SafeHtml {
  const section = data.baseline;
  if (section === null) return html`<section id="baseline"><h2>CMDB baseline</h2>${none("No baseline was taken in this view.")}</section>`;
  const { contents, drift, previous } = section;
  const items = table(["CI", "Type", "Name", "Owner", "Status", "Version", "Attributes", "Relationships"], contents.cis.map(itemRow), "baseline");
  const unresolved = contents.unresolved.length === 0 ? html`` : html`<p>Named by the baseline but not in the log read: ${contents.unresolved.join(", ")}</p>`;
  const driftBody = drift.differences.length === 0 ? none("No differences: the CMDB matches the baseline.") : table(["CI", "Difference", "Authorised", "Change", "Evidence"], drift.differences.map(driftRow), "drift");
  const previousBody = previous === null ? none("It is the project's first baseline.") : html`<p>From "${previous.contents.name}" (position ${previous.contents.position}) to "${contents.name}":</p>${diffList(previous.diff)}`;
  return html`<section id="baseline" class="page"><h2>CMDB baseline</h2><p>${baselineTitle(contents)}; ${contents.cis.length} CIs.</p>${items}${unresolved}
<h3>Changes since the baseline</h3><p>The CMDB at position ${drift.position} compared with the baseline: ${drift.differences.length} difference(s), ${drift.authorised} authorised, ${drift.unauthorised} not.</p>${driftBody}
<h3>Against the baseline before it</h3>${previousBody}</section>`;
}
