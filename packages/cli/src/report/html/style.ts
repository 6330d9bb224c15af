/** The report's stylesheet: plain and readable on screen, and on paper (print media: no shadows, rows kept whole, colours kept). */
export const REPORT_CSS = `
:root { --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #b42318; --fail-bg: #ffe4e0; --warn: #9a6700; --warn-bg: #fff4c2; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 4px 0 8px; }
.muted, .meta { color: var(--muted); }
.meta { font-size: 12px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; }
.badge { display: inline-block; min-width: 48px; text-align: center; padding: 1px 6px; border-radius: 10px; font-weight: 600; font-size: 12px; }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: var(--fail); background: var(--fail-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); }
.verdict { font-size: 16px; font-weight: 700; padding: 6px 10px; border-radius: 6px; display: inline-block; margin: 6px 0; }
.verdict.pass { color: var(--pass); background: var(--pass-bg); }
.verdict.fail { color: var(--fail); background: var(--fail-bg); }
tr.check.fail td:first-child { border-left: 4px solid var(--fail); }
tr.check.warn td:first-child { border-left: 4px solid var(--warn); }
tr.check.pass td:first-child { border-left: 4px solid var(--pass); }
.figure { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; margin: 8px 0; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
svg.timeline .seg.pass { fill: #4ac26b; } svg.timeline .seg.fail { fill: #f47067; } svg.timeline .seg.warn { fill: #e3b341; }
svg.timeline .lane { font-size: 11px; fill: var(--ink); } svg.timeline .lane.verdict { font-weight: 700; }
svg.timeline .tick { stroke: #eaeef2; } svg.timeline .axis { font-size: 10px; fill: var(--muted); }
svg.timeline line.first-ready { stroke: var(--pass); stroke-width: 2; stroke-dasharray: 4 3; } svg.timeline text.first-ready { font-size: 11px; fill: var(--pass); font-weight: 600; }
svg.ci-graph .ci rect { stroke: #57606a; stroke-width: 1; fill: #ddf4ff; }
svg.ci-graph .ci.production rect { fill: #dafbe1; stroke: var(--pass); stroke-width: 1.5; }
svg.ci-graph .ci.retired rect { fill: #eaeef2; stroke: #8c959f; }
svg.ci-graph .ci.unknown rect { fill: #fff; stroke: var(--fail); stroke-dasharray: 4 3; }
svg.ci-graph .ci text.id { font-size: 12px; font-weight: 700; } svg.ci-graph .ci text.name { font-size: 11px; } svg.ci-graph .ci text.detail { font-size: 10px; fill: var(--muted); }
svg.ci-graph .rel path { fill: none; stroke: #8c959f; stroke-width: 1.2; } svg.ci-graph .rel.long path { stroke-opacity: 0.45; } svg.ci-graph .rel text { font-size: 9px; fill: var(--muted); text-anchor: middle; }
svg.ci-graph marker path { fill: #8c959f; }
.legend span { margin-right: 14px; font-size: 12px; } .legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -2px; border-radius: 2px; }
.diff-add { color: var(--pass); } .diff-remove { color: var(--fail); }
.metric-charts { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; } figure.metric { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 4px; }
svg.metric-chart .bar { fill: #54aeff; } svg.metric-chart .gap { fill: #d1d9e0; } svg.metric-chart .axis { stroke: #8c959f; }
svg.metric-chart .tick { font-size: 9px; fill: var(--muted); } svg.metric-chart .title { font-size: 11px; font-weight: 600; fill: var(--ink); }
tr.control.fail td:first-child { border-left: 4px solid var(--fail); } tr.control.pass td:first-child { border-left: 4px solid var(--pass); } tr.control.not_evidenced td:first-child { border-left: 4px solid var(--warn); }
td.when, .when { white-space: nowrap; }
a.ev { color: inherit; text-decoration: underline dotted; } a.ev:hover { text-decoration: underline; }
p.checkpoint code.hash { font-size: 11px; overflow-wrap: anywhere; }
tr.trail-event:target { background: #fff8c5; }
svg.ci-graph { max-width: 100%; height: auto; }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, .figure, svg, figure.metric { break-inside: avoid; page-break-inside: avoid; }
  .figure { overflow: visible; border: none; padding: 0; }
  svg.ci-graph, svg.timeline { max-width: 100%; height: auto; }
  section.page { break-before: page; page-break-before: always; }
}
`;
